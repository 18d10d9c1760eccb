package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The DisconnectUserRequest shape of the API. */
public record DisconnectUserRequest(
        @Nullable String roomIdentifier, @Nullable String userId, @Nullable String reason) {}
