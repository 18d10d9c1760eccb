package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The DeleteRoomRequest shape of the API. */
public record DeleteRoomRequest(@Nullable String identifier) {}
