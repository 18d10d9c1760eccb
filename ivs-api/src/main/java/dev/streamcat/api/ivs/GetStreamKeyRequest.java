package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The GetStreamKeyRequest shape of the API. */
public record GetStreamKeyRequest(@Nullable String arn) {}
