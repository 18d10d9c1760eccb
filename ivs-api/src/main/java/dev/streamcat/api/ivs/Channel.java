package dev.streamcat.api.ivs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A channel: the ingest endpoint and playback URL of one live stream. */
public record Channel(
        String arn,
        String name,
        String latencyMode,
        String type,
        String recordingConfigurationArn,
        String ingestEndpoint,
        String playbackUrl,
        boolean authorized,
        Map<String, String> tags,
        boolean insecureIngest,
        String preset,
        @Nullable Srt srt,
        String playbackRestrictionPolicyArn,
        @Nullable MultitrackInputConfiguration multitrackInputConfiguration,
        String containerFormat,
        String adConfigurationArn) {}
