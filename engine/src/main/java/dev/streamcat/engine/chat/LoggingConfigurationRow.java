package dev.streamcat.engine.chat;

/** A stored logging configuration. {@code destinationType} is {@code s3}, {@code cloudWatchLogs} or {@code firehose}. */
public record LoggingConfigurationRow(
        String id,
        String arn,
        String name,
        String destinationType,
        String destinationName,
        String state,
        long createTime,
        long updateTime) {}
