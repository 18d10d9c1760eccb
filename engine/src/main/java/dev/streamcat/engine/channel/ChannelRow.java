package dev.streamcat.engine.channel;

import dev.streamcat.api.ivs.MultitrackInputConfiguration;
import org.jspecify.annotations.Nullable;

/** One stored channel, as in {@code ivs_channel}. */
public record ChannelRow(
        String id,
        String arn,
        String name,
        String latencyMode,
        String type,
        String preset,
        boolean authorized,
        boolean insecureIngest,
        String recordingConfigurationArn,
        String playbackRestrictionPolicyArn,
        String adConfigurationArn,
        String containerFormat,
        @Nullable MultitrackInputConfiguration multitrack,
        long createdAt) {}
