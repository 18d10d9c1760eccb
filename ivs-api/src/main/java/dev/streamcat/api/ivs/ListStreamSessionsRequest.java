package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The ListStreamSessionsRequest shape of the API. */
public record ListStreamSessionsRequest(
        @Nullable String channelArn, @Nullable String nextToken, @Nullable Integer maxResults) {}
