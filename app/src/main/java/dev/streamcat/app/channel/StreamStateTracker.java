package dev.streamcat.app.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the app's read model of live state current: {@code is_live}, {@code live_since}, viewer
 * counts and stream rows. Three inputs: stream events ({@link #onStreamStateChange}), a
 * reconciliation against {@link LiveStatus} at start-up ({@link #reconcile}), and a periodic refresh
 * of viewer counts for live channels (which also corrects missed events).
 *
 * <p>Thread-safe: every change runs on one private thread, in arrival order, so events of one channel
 * never race; callers never block.
 */
public final class StreamStateTracker implements StreamEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStateTracker.class);

    private final ChannelStore channels;
    private final StreamStore streams;
    private final LiveStatus liveStatus;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "streamcat-app-stream-state");
        t.setDaemon(true);
        return t;
    });

    public StreamStateTracker(ChannelStore channels, StreamStore streams, LiveStatus liveStatus, Clock clock) {
        this.channels = channels;
        this.streams = streams;
        this.liveStatus = liveStatus;
        this.clock = clock;
    }

    /** Starts the periodic viewer-count refresh. */
    public void startPolling(Duration every) {
        long millis = every.toMillis();
        thread.scheduleWithFixedDelay(this::refreshSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onStreamStateChange(StreamStateChange event) {
        thread.execute(() -> {
            try {
                apply(event);
            } catch (RuntimeException e) {
                LOG.warn("could not apply {}: {}", event, e.toString());
            }
        });
    }

    void apply(StreamStateChange event) {
        Optional<Channel> channel = channels.byArn(event.channelArn());
        if (channel.isEmpty()) {
            return; // a channel not made by this app
        }
        Channel c = channel.get();
        switch (event.eventName()) {
            case STREAM_START -> {
                streams.start(c, event.streamId(), event.time());
                channels.setLive(c.id(), Optional.of(event.time()));
            }
            case STREAM_END -> {
                streams.end(event.streamId(), event.time());
                channels.setLive(c.id(), Optional.empty());
            }
            case STREAM_FAILURE, SESSION_CREATED, SESSION_ENDED -> {
                // No change of live state; Stream End follows a failure.
            }
        }
    }

    /**
     * Brings the read model in line with the engine: channels marked live that are not on air are
     * closed, channels on air that are not marked live are opened. Blocking; runs on the caller.
     */
    public void reconcile() {
        Instant now = clock.instant();
        Map<String, LiveStream> onAir = new HashMap<>();
        for (LiveStream s : liveStatus.streams()) {
            onAir.put(s.channelArn(), s);
        }
        for (Channel c : channels.live(Integer.MAX_VALUE)) {
            if (!onAir.containsKey(c.arn())) {
                streams.endAllOpen(c.id(), now);
                channels.setLive(c.id(), Optional.empty());
                LOG.info("channel {} was marked live but is not on air; closed", c.name());
            }
        }
        for (LiveStream s : onAir.values()) {
            channels.byArn(s.channelArn()).filter(c -> !c.live()).ifPresent(c -> {
                streams.start(c, s.streamId(), s.startTime());
                channels.setLive(c.id(), Optional.of(s.startTime()));
            });
        }
    }

    /** Refreshes viewer counts of live channels and closes channels whose stream is gone. Blocking. */
    void refresh() {
        List<Channel> live = channels.live(Integer.MAX_VALUE);
        for (Channel c : live) {
            Optional<LiveStream> stream = liveStatus.stream(c.arn());
            if (stream.isEmpty()) {
                streams.endAllOpen(c.id(), clock.instant());
                channels.setLive(c.id(), Optional.empty());
                continue;
            }
            int viewers = (int) Math.min(Integer.MAX_VALUE, stream.get().viewerCount());
            if (viewers != c.viewerCount()) {
                channels.setViewerCount(c.id(), viewers);
                streams.notePeakViewers(c.id(), viewers);
            }
        }
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("viewer count refresh failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
