package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** Exactly one destination of a logging configuration. */
public record DestinationConfiguration(
        @Nullable S3DestinationConfiguration s3,
        @Nullable CloudWatchLogsDestinationConfiguration cloudWatchLogs,
        @Nullable FirehoseDestinationConfiguration firehose) {}
