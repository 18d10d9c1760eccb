package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The DeleteChannelRequest shape of the API. */
public record DeleteChannelRequest(@Nullable String arn) {}
