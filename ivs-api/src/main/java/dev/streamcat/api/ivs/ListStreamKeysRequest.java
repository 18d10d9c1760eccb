package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The ListStreamKeysRequest shape of the API. */
public record ListStreamKeysRequest(
        @Nullable String channelArn, @Nullable String nextToken, @Nullable Integer maxResults) {}
