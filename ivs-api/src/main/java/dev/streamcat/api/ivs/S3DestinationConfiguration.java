package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** An S3(-compatible) bucket destination. */
public record S3DestinationConfiguration(@Nullable String bucketName) {}
