package dev.streamcat.engine.channel;

/**
 * Which channels are broadcasting right now, as the stream state knows it. The control API asks
 * it to refuse deleting a live channel. Implementations are thread-safe and never block.
 */
@FunctionalInterface
public interface LiveChannels {
    /** Nothing is ever live: for an engine without ingest. */
    LiveChannels NONE = channelArn -> false;

    boolean isLive(String channelArn);
}
