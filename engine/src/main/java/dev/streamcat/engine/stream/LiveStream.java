package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.Channel;
import dev.streamcat.api.ivs.IngestConfiguration;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.hls.HlsConfig;
import dev.streamcat.media.hls.HlsPackager;
import dev.streamcat.media.hls.LivePlaylist;
import dev.streamcat.media.hls.PlaylistSnapshot;
import dev.streamcat.media.hub.StreamHub;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publish of one channel, from the accepted stream key to the end: its media path (hub →
 * packager and meter), the channel as it was when the stream started, viewers and health.
 *
 * <p>Threading: {@link #ingest()} is fed on the publisher's ingest event loop only (the hub and the
 * packager are confined to it). Everything else is thread-safe: {@link #playlist()} publishes
 * immutable snapshots, {@link #stop()} and {@link #putMetadata} may be called from any thread. The
 * health fields are touched by the registry's health check only (one thread at a time).
 */
public final class LiveStream {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

    private final String streamId;
    private final Channel channel;
    private final Instant startTime;
    private final StreamHub hub;
    private final HlsPackager packager;
    private final IngestMeter meter = new IngestMeter();
    private final ViewerTracker viewers;
    private volatile @Nullable Runnable cut;
    private volatile boolean stopRequested;
    private volatile boolean started;
    private volatile @Nullable Instant endTime;
    private volatile StreamHealth health = StreamHealth.UNKNOWN;
    private final HealthSamples samples = new HealthSamples();

    LiveStream(
            String streamId,
            Channel channel,
            HlsConfig hls,
            Duration viewerWindow,
            InstantSource clock,
            Consumer<LiveStream> onPlayable) {
        this.streamId = streamId;
        this.channel = channel;
        this.startTime = clock.instant();
        this.viewers = new ViewerTracker(viewerWindow, clock);
        this.packager = new HlsPackager(hls, clock);
        this.hub = new StreamHub(failure -> LOG.warn("stream {} subscriber failed", streamId, failure));
        hub.subscribe(meter);
        hub.subscribe(packager);
        Consumer<PlaylistSnapshot> firstReady = new Consumer<>() {
            @Override
            public void accept(PlaylistSnapshot snapshot) {
                if (snapshot.ready() && !snapshot.ended()) {
                    packager.playlist().removeListener(this);
                    onPlayable.accept(LiveStream.this);
                }
            }
        };
        packager.playlist().addListener(firstReady);
    }

    public String streamId() {
        return streamId;
    }

    public String channelArn() {
        return channel.arn();
    }

    /** The channel as it was when the stream started. */
    public Channel channel() {
        return channel;
    }

    public Instant startTime() {
        return startTime;
    }

    /** When the stream ended; empty while live. */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    public boolean live() {
        return endTime == null;
    }

    /** Where ingest delivers media (the hub); ingest-thread only. */
    public MediaSink ingest() {
        return hub;
    }

    /** The hub, for later subscribers (recorder, thumbnails, transcoder). */
    public StreamHub hub() {
        return hub;
    }

    public LivePlaylist playlist() {
        return packager.playlist();
    }

    public HlsConfig hlsConfig() {
        return packager.config();
    }

    public IngestConfiguration ingestConfiguration() {
        return meter.configuration();
    }

    public StreamHealth health() {
        return health;
    }

    /** Concurrent viewers (see {@link ViewerTracker}). */
    public long viewerCount() {
        return viewers.count();
    }

    /** Records a media playlist fetch by {@code viewerKey}. */
    public void viewed(String viewerKey) {
        viewers.seen(viewerKey);
    }

    /**
     * Queues timed metadata (an ID3 TXXX frame) in front of the next part.
     *
     * @throws IllegalArgumentException when too much metadata is already queued
     */
    public void putMetadata(String text) {
        packager.addTimedMetadata(text);
    }

    /** Gives the stream the means to cut its publisher; runs it at once if a stop was requested. */
    public void attach(Runnable cutPublisher) {
        cut = cutPublisher;
        if (stopRequested) {
            cutPublisher.run();
        }
    }

    /** Cuts the publisher (IVS {@code StopStream}); idempotent. */
    public void stop() {
        stopRequested = true;
        Runnable c = cut;
        if (c != null) {
            c.run();
        }
    }

    /** Whether the stream became playable ({@code Stream Start}). */
    public boolean started() {
        return started;
    }

    void markStarted() {
        started = true;
    }

    void ended(Instant at) {
        endTime = at;
    }

    /** Re-evaluates health from the media clock; returns the new health when it changed. */
    Optional<StreamHealth> checkHealth(long wallMs) {
        StreamHealth next = samples.next(wallMs, meter.mediaTimeMs(), health);
        if (next == health) {
            return Optional.empty();
        }
        health = next;
        return Optional.of(next);
    }

    /**
     * Starvation: over the last {@value #WINDOW} samples, media time advanced less than 70% of wall
     * time (or not at all); healthy again at 90%.
     */
    private static final class HealthSamples {
        private final long[] wall = new long[WINDOW];
        private final long[] media = new long[WINDOW];
        private int count;

        StreamHealth next(long wallMs, long mediaMs, StreamHealth current) {
            if (mediaMs < 0) {
                return StreamHealth.UNKNOWN;
            }
            int slot = count % WINDOW;
            long oldWall = wall[slot];
            long oldMedia = media[slot];
            boolean full = count >= WINDOW;
            wall[slot] = wallMs;
            media[slot] = mediaMs;
            count++;
            if (!full) {
                return current == StreamHealth.UNKNOWN ? StreamHealth.HEALTHY : current;
            }
            double ratio = (double) (mediaMs - oldMedia) / Math.max(1, wallMs - oldWall);
            if (ratio < 0.7) {
                return StreamHealth.STARVING;
            }
            return ratio >= 0.9 ? StreamHealth.HEALTHY : current;
        }
    }

    private static final int WINDOW = 4;
}
