package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The ListStreamsRequest shape of the API. */
public record ListStreamsRequest(
        @Nullable StreamFilters filterBy, @Nullable String nextToken, @Nullable Integer maxResults) {}
