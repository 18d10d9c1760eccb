package dev.streamcat.api.ivs;

import java.time.Instant;

/** A live stream of a channel ({@code GetStream}). */
public record Stream(
        String channelArn,
        String streamId,
        String playbackUrl,
        Instant startTime,
        String state,
        String health,
        long viewerCount) {}
