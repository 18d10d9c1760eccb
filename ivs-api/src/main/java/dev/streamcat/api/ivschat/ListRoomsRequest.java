package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The ListRoomsRequest shape of the API. */
public record ListRoomsRequest(
        @Nullable String name,
        @Nullable String nextToken,
        @Nullable Integer maxResults,
        @Nullable String messageReviewHandlerUri,
        @Nullable String loggingConfigurationIdentifier) {}
