package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The GetRoomRequest shape of the API. */
public record GetRoomRequest(@Nullable String identifier) {}
