package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The ListLoggingConfigurationsRequest shape of the API. */
public record ListLoggingConfigurationsRequest(@Nullable String nextToken, @Nullable Integer maxResults) {}
