package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The DeleteMessageRequest shape of the API. */
public record DeleteMessageRequest(@Nullable String roomIdentifier, @Nullable String id, @Nullable String reason) {}
