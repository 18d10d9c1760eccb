package dev.streamcat.api.ivs;

import java.time.Instant;

/** One entry of {@code ListStreams}. */
public record StreamSummary(
        String channelArn, String streamId, String state, String health, long viewerCount, Instant startTime) {}
