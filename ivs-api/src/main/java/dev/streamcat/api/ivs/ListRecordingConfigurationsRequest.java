package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The ListRecordingConfigurationsRequest shape of the API. */
public record ListRecordingConfigurationsRequest(@Nullable String nextToken, @Nullable Integer maxResults) {}
