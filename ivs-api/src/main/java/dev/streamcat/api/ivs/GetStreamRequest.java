package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The GetStreamRequest shape of the API. */
public record GetStreamRequest(@Nullable String channelArn) {}
