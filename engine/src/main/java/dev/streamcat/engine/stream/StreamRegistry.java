package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.Channel;
import dev.streamcat.engine.channel.LiveChannels;
import dev.streamcat.engine.resource.ResourceIds;
import dev.streamcat.media.hls.HlsConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live streams of this engine: at most one per channel. Ended streams stay reachable by stream id
 * for {@code endedRetention} so that players polling them see EXT-X-ENDLIST and finish downloading.
 *
 * <p>Thread-safe and non-blocking: {@link #open} runs on a lookup thread, {@link #close} on ingest
 * event loops, lookups on HTTP event loops and worker threads, {@link #checkHealth} on a timer.
 */
public final class StreamRegistry implements LiveChannels {
    /** IVS stream ids: {@code st-} and 23 characters, 26 in all. */
    static final int STREAM_ID_RANDOM_LENGTH = 23;

    private final ConcurrentMap<String, LiveStream> byChannel = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LiveStream> byStreamId = new ConcurrentHashMap<>();
    private final HlsConfig hls;
    private final Duration viewerWindow;
    private final Duration endedRetention;
    private final InstantSource clock;
    private final StreamObserver observer;

    public StreamRegistry(
            HlsConfig hls,
            Duration viewerWindow,
            Duration endedRetention,
            InstantSource clock,
            StreamObserver observer) {
        this.hls = hls;
        this.viewerWindow = viewerWindow;
        this.endedRetention = endedRetention;
        this.clock = clock;
        this.observer = observer;
    }

    /** Starts a new stream session for {@code channel}; empty when the channel is already live. */
    public Optional<LiveStream> open(Channel channel) {
        String streamId = "st-" + ResourceIds.random(STREAM_ID_RANDOM_LENGTH);
        LiveStream stream = new LiveStream(streamId, channel, hls, viewerWindow, clock, this::started);
        if (byChannel.putIfAbsent(channel.arn(), stream) != null) {
            return Optional.empty();
        }
        byStreamId.put(streamId, stream);
        observer.sessionCreated(stream);
        return Optional.of(stream);
    }

    private void started(LiveStream stream) {
        stream.markStarted();
        observer.streamStarted(stream);
    }

    /** Ends {@code stream}: the channel is offline from now on; idempotent. */
    public void close(LiveStream stream, StreamEnd end) {
        if (!stream.live()) {
            return;
        }
        stream.ended(clock.instant());
        byChannel.remove(stream.channelArn(), stream);
        observer.streamEnded(stream, end);
    }

    @Override
    public boolean isLive(String channelArn) {
        return byChannel.containsKey(channelArn);
    }

    /** The live stream of a channel. */
    public Optional<LiveStream> live(String channelArn) {
        return Optional.ofNullable(byChannel.get(channelArn));
    }

    /** A live or recently ended stream. */
    public Optional<LiveStream> stream(String streamId) {
        return Optional.ofNullable(byStreamId.get(streamId));
    }

    /** Whether there is no stream at all, live or ended but still retained. */
    public boolean isEmpty() {
        return byChannel.isEmpty() && byStreamId.isEmpty();
    }

    /** Every live stream, in no particular order. */
    public Collection<LiveStream> liveStreams() {
        return List.copyOf(byChannel.values());
    }

    /** Updates each live stream's health and forgets streams ended longer ago than the retention. */
    public void checkHealth() {
        long now = clock.millis();
        for (LiveStream stream : byChannel.values()) {
            StreamHealth before = stream.health();
            stream.checkHealth(now).ifPresent(health -> {
                // Starvation Start on entering STARVING, Starvation End on leaving it.
                boolean starvation = health == StreamHealth.STARVING || before == StreamHealth.STARVING;
                if (stream.live() && starvation) {
                    observer.healthChanged(stream, health);
                }
            });
        }
        Instant forgetBefore = clock.instant().minus(endedRetention);
        byStreamId
                .values()
                .removeIf(s -> s.endTime().map(t -> t.isBefore(forgetBefore)).orElse(false));
    }
}
