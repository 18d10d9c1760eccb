package dev.streamcat.engine.timer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A periodic task that runs only while there is work for it. {@link #wake} arms it; it then runs
 * every {@code periodMillis} until a run finds no more work ({@code hasWork} false), and stays
 * quiet until the next wake. A plain periodic timer would wake an idle server every period for
 * nothing (on a small VM each such wake-up of cold code costs about a millisecond of CPU).
 *
 * <p>Threading: {@link #wake} and {@link #close} may be called from any thread; the task runs on
 * one Vert.x context, never concurrently with itself. {@code hasWork} must be thread-safe. A wake
 * racing with a run that found no work is never lost: the run re-checks after disarming.
 */
public final class DemandTimer implements AutoCloseable {
    private final Vertx vertx;
    private final Context context;
    private final long periodMillis;
    private final Runnable task;
    private final BooleanSupplier hasWork;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean closed;
    private volatile long timerId = -1;

    public DemandTimer(Vertx vertx, long periodMillis, Runnable task, BooleanSupplier hasWork) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms: " + periodMillis);
        }
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.periodMillis = periodMillis;
        this.task = Objects.requireNonNull(task);
        this.hasWork = Objects.requireNonNull(hasWork);
    }

    /** Makes sure the task runs within one period, and on every period while there is work. */
    public void wake() {
        if (!closed && armed.compareAndSet(false, true)) {
            context.runOnContext(v -> schedule());
        }
    }

    /** Whether a run is scheduled (for tests). */
    public boolean armed() {
        return armed.get();
    }

    private void schedule() {
        if (!closed) {
            timerId = vertx.setTimer(periodMillis, id -> run());
        }
    }

    private void run() {
        if (closed) {
            return;
        }
        try {
            task.run();
        } finally {
            if (hasWork.getAsBoolean()) {
                schedule();
            } else {
                armed.set(false);
                if (hasWork.getAsBoolean()) {
                    wake(); // work arrived between the check and the disarm
                }
            }
        }
    }

    /** Stops the timer; a run in progress finishes. Idempotent. */
    @Override
    public void close() {
        closed = true;
        long id = timerId;
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
    }
}
