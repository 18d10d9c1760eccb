package dev.streamcat.app.channel;

import java.time.Instant;

/**
 * A stream on air, in the shape of IVS {@code GetStream}/{@code ListStreams} results. Immutable.
 *
 * @param health {@code HEALTHY}, {@code STARVING} or {@code UNKNOWN}, as on IVS
 */
public record LiveStream(String channelArn, String streamId, Instant startTime, long viewerCount, String health) {}
