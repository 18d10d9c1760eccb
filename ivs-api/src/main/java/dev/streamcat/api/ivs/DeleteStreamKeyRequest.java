package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The DeleteStreamKeyRequest shape of the API. */
public record DeleteStreamKeyRequest(@Nullable String arn) {}
