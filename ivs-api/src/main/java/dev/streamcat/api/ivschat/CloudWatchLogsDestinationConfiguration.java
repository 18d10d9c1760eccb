package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** A log group for chat logs (a folder on local disk here). */
public record CloudWatchLogsDestinationConfiguration(@Nullable String logGroupName) {}
