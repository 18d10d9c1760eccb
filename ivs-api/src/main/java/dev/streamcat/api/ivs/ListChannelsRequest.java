package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The ListChannelsRequest shape of the API. */
public record ListChannelsRequest(
        @Nullable String filterByName,
        @Nullable String filterByRecordingConfigurationArn,
        @Nullable String filterByPlaybackRestrictionPolicyArn,
        @Nullable String filterByAdConfigurationArn,
        @Nullable String nextToken,
        @Nullable Integer maxResults) {}
