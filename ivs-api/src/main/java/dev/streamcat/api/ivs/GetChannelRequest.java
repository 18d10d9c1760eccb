package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The GetChannelRequest shape of the API. */
public record GetChannelRequest(@Nullable String arn) {}
