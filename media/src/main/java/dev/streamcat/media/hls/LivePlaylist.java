package dev.streamcat.media.hls;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The published state of one stream: the latest {@link PlaylistSnapshot}, futures for blocking
 * reloads and preload-hinted parts, and publish listeners.
 *
 * <p>Thread-safe and lock-free on the publish path. {@link #publish} is called by the packager on
 * the ingest thread; {@link #snapshot()}, {@link #await} and listener registration may be called
 * from any thread. Futures complete and listeners run on the publishing (ingest) thread, so callers
 * must hop to their own executor (e.g. Vert.x {@code runOnContext}) and never block inside.
 */
public final class LivePlaylist {
    private volatile PlaylistSnapshot current;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Consumer<PlaylistSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private record Waiter(BlockingTarget target, CompletableFuture<PlaylistSnapshot> future) {}

    public LivePlaylist(HlsConfig config) {
        this.current = PlaylistSnapshot.empty(config);
    }

    /** The latest snapshot; never blocks. */
    public PlaylistSnapshot snapshot() {
        return current;
    }

    /**
     * A future completed with the first snapshot that satisfies {@code target} (immediately if the
     * current one does). The caller applies its own timeout ({@link HlsConfig#blockingTimeout()});
     * a cancelled or timed-out future is dropped at the next publish.
     */
    public CompletableFuture<PlaylistSnapshot> await(BlockingTarget target) {
        Objects.requireNonNull(target);
        CompletableFuture<PlaylistSnapshot> future = new CompletableFuture<>();
        PlaylistSnapshot now = current;
        if (now.satisfies(target)) {
            future.complete(now);
            return future;
        }
        waiters.add(new Waiter(target, future));
        PlaylistSnapshot after = current; // re-check: a publish may have raced the add
        if (after.satisfies(target)) {
            future.complete(after);
        }
        return future;
    }

    /** Runs {@code listener} on every publish (on the ingest thread; keep it cheap). */
    public void addListener(Consumer<PlaylistSnapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PlaylistSnapshot> listener) {
        listeners.remove(listener);
    }

    /** Number of pending waiters (for metrics and tests). */
    public int waiting() {
        return waiters.size();
    }

    /** Publishes a new snapshot and wakes satisfied waiters. Called by the packager only. */
    void publish(PlaylistSnapshot snapshot) {
        current = snapshot;
        waiters.removeIf(w -> {
            if (w.future().isDone()) {
                return true;
            }
            if (snapshot.satisfies(w.target())) {
                w.future().complete(snapshot);
                return true;
            }
            return false;
        });
        for (Consumer<PlaylistSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }
}
