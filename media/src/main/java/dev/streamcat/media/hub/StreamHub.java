package dev.streamcat.media.hub;

import dev.streamcat.media.MediaFrame;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.VideoConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Fans out one stream's media from its publisher to any number of {@link MediaSink} subscribers.
 *
 * <p>Threading: the {@link MediaSink} side (the publisher) is confined to the ingest event loop of
 * the stream; subscribers are called inline on that thread, in subscription order, with no locks on
 * the media path. {@link #subscribe} and {@link Subscription#close()} are thread-safe: they only
 * enqueue a change that the publisher thread applies at its next call, so a subscriber is never
 * called concurrently. A subscriber that joins mid-stream first receives {@code onStart}, the
 * current configurations and metadata, then live frames (it should wait for a keyframe).
 *
 * <p>Subscribers must be cheap and non-blocking (hand heavy work to their own executor with a
 * bounded queue); a slow subscriber slows the publisher. A subscriber that throws is removed, so one
 * faulty consumer cannot break the stream for the others.
 */
public final class StreamHub implements MediaSink {
    private final Queue<Entry> joining = new ConcurrentLinkedQueue<>();
    private final List<Entry> active = new ArrayList<>();
    private final Consumer<RuntimeException> onSubscriberFailure;
    private boolean live;
    private @Nullable VideoConfig videoConfig;
    private @Nullable AudioConfig audioConfig;
    private Map<String, Object> metadata = Map.of();

    private static final class Entry implements Subscription {
        final MediaSink sink;
        volatile boolean closed;

        Entry(MediaSink sink) {
            this.sink = sink;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A hub that drops failing subscribers silently. */
    public StreamHub() {
        this(e -> {});
    }

    /** @param onSubscriberFailure told (on the publisher thread) when a subscriber threw and was removed */
    public StreamHub(Consumer<RuntimeException> onSubscriberFailure) {
        this.onSubscriberFailure = onSubscriberFailure;
    }

    /** Adds a subscriber; effective at the publisher's next call. Thread-safe. */
    public Subscription subscribe(MediaSink sink) {
        Entry e = new Entry(Objects.requireNonNull(sink));
        joining.add(e);
        return e;
    }

    /** Number of active subscribers as of the publisher's last call. */
    public int subscriberCount() {
        return active.size();
    }

    private void sync() {
        active.removeIf(e -> e.closed);
        Entry e;
        while ((e = joining.poll()) != null) {
            if (e.closed) {
                continue;
            }
            active.add(e);
            if (live) {
                Entry joined = e;
                deliver(joined, MediaSink::onStart);
                if (videoConfig != null) {
                    VideoConfig v = videoConfig;
                    deliver(joined, s -> s.onVideoConfig(v));
                }
                if (audioConfig != null) {
                    AudioConfig a = audioConfig;
                    deliver(joined, s -> s.onAudioConfig(a));
                }
                if (!metadata.isEmpty()) {
                    Map<String, Object> m = metadata;
                    deliver(joined, s -> s.onMetadata(m));
                }
            }
        }
    }

    private void deliver(Entry e, Consumer<MediaSink> call) {
        if (e.closed) {
            return;
        }
        try {
            call.accept(e.sink);
        } catch (RuntimeException failure) {
            e.closed = true;
            onSubscriberFailure.accept(failure);
        }
    }

    private void fanOut(Consumer<MediaSink> call) {
        sync();
        for (int i = 0; i < active.size(); i++) {
            deliver(active.get(i), call);
        }
    }

    @Override
    public void onStart() {
        sync(); // subscribers that joined before the start get it once, below
        live = true;
        fanOut(MediaSink::onStart);
    }

    @Override
    public void onVideoConfig(VideoConfig config) {
        videoConfig = config;
        fanOut(s -> s.onVideoConfig(config));
    }

    @Override
    public void onAudioConfig(AudioConfig config) {
        audioConfig = config;
        fanOut(s -> s.onAudioConfig(config));
    }

    @Override
    public void onFrame(MediaFrame frame) {
        sync();
        for (int i = 0; i < active.size(); i++) {
            Entry e = active.get(i);
            if (e.closed) {
                continue;
            }
            try {
                e.sink.onFrame(frame);
            } catch (RuntimeException failure) {
                e.closed = true;
                onSubscriberFailure.accept(failure);
            }
        }
    }

    @Override
    public void onMetadata(Map<String, Object> metadata) {
        this.metadata = Map.copyOf(metadata);
        fanOut(s -> s.onMetadata(this.metadata));
    }

    /**
     * The lowest {@link MediaSink#urgentFromMs()} of the active subscribers ({@link Long#MAX_VALUE} with
     * none); {@link Long#MIN_VALUE} while a new subscriber waits to join, so it starts promptly.
     */
    @Override
    public long urgentFromMs() {
        long urgent = Long.MAX_VALUE;
        for (int i = 0; i < active.size(); i++) {
            Entry e = active.get(i);
            if (!e.closed) {
                urgent = Math.min(urgent, e.sink.urgentFromMs());
            }
        }
        return joining.isEmpty() ? urgent : Long.MIN_VALUE;
    }

    @Override
    public void onEnd() {
        fanOut(MediaSink::onEnd);
        live = false;
        videoConfig = null;
        audioConfig = null;
        metadata = Map.of();
    }
}
