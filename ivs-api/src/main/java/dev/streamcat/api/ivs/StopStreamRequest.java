package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The StopStreamRequest shape of the API. */
public record StopStreamRequest(@Nullable String channelArn) {}
