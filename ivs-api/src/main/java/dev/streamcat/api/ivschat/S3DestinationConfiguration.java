package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** An S3(-compatible) bucket for chat logs. */
public record S3DestinationConfiguration(@Nullable String bucketName) {}
