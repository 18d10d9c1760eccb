package dev.streamcat.api.ivs;

import java.util.Map;

/** A channel as listed by ListChannels (no endpoints). */
public record ChannelSummary(
        String arn,
        String name,
        String latencyMode,
        boolean authorized,
        String recordingConfigurationArn,
        Map<String, String> tags,
        boolean insecureIngest,
        String type,
        String preset,
        String playbackRestrictionPolicyArn,
        String adConfigurationArn) {}
