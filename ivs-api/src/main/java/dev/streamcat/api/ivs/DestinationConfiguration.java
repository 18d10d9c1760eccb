package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** Where recordings are stored. */
public record DestinationConfiguration(@Nullable S3DestinationConfiguration s3) {}
