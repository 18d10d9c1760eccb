package dev.streamcat.api.ivs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateChannelRequest shape of the API. */
public record CreateChannelRequest(
        @Nullable String name,
        @Nullable String latencyMode,
        @Nullable String type,
        @Nullable Boolean authorized,
        @Nullable String recordingConfigurationArn,
        @Nullable Map<String, String> tags,
        @Nullable Boolean insecureIngest,
        @Nullable String preset,
        @Nullable String playbackRestrictionPolicyArn,
        @Nullable MultitrackInputConfiguration multitrackInputConfiguration,
        @Nullable String containerFormat,
        @Nullable String adConfigurationArn) {}
