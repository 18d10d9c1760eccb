package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The UpdateChannelRequest shape of the API. */
public record UpdateChannelRequest(
        @Nullable String arn,
        @Nullable String name,
        @Nullable String latencyMode,
        @Nullable String type,
        @Nullable Boolean authorized,
        @Nullable String recordingConfigurationArn,
        @Nullable Boolean insecureIngest,
        @Nullable String preset,
        @Nullable String playbackRestrictionPolicyArn,
        @Nullable MultitrackInputConfiguration multitrackInputConfiguration,
        @Nullable String containerFormat,
        @Nullable String adConfigurationArn) {}
