package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.StreamEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists stream sessions and their events. Lifecycle calls arrive on ingest event loops and the
 * health timer and return at once; the writes run in order on one writer thread, so the media path
 * never waits for the database. A few writes per stream, so the queue stays short.
 *
 * <p>Thread-safe. {@link #close()} waits (up to 10 s) for queued writes: call it after ingest stopped.
 */
public final class SessionRecorder implements StreamObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final StreamSessionStore store;
    private final InstantSource clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("stream-sessions").factory());

    public SessionRecorder(Jdbi jdbi, InstantSource clock) {
        this.store = new StreamSessionStore(jdbi);
        this.clock = clock;
    }

    StreamSessionStore store() {
        return store;
    }

    @Override
    public void sessionCreated(LiveStream stream) {
        List<StreamEvent> events = LifecycleEvents.sessionCreated(stream.startTime());
        submit(stream, () -> store.insert(stream, events));
    }

    @Override
    public void streamStarted(LiveStream stream) {
        List<StreamEvent> events = LifecycleEvents.streamStarted(clock.instant());
        submit(stream, () -> store.update(stream, events));
    }

    @Override
    public void healthChanged(LiveStream stream, StreamHealth health) {
        List<StreamEvent> events = LifecycleEvents.healthChanged(health, clock.instant());
        submit(stream, () -> store.update(stream, events));
    }

    @Override
    public void streamEnded(LiveStream stream, StreamEnd end) {
        Instant at = stream.endTime().orElseGet(clock::instant);
        List<StreamEvent> events = LifecycleEvents.streamEnded(end, stream.started(), at);
        submit(stream, () -> store.update(stream, events));
    }

    private void submit(LiveStream stream, Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("cannot record stream session {}: {}", stream.streamId(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("stream session {} not recorded: shutting down", stream.streamId());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("stream session writes still pending at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
