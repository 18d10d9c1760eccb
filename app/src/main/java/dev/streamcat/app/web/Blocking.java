package dev.streamcat.app.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * The app's worker pool: JDBC, password hashing and {@code Ivs}/{@code IvsChat} calls run here so
 * that no event loop ever blocks. Thread-safe; futures complete on the caller's Vert.x context.
 */
public final class Blocking implements AutoCloseable {
    private final WorkerExecutor executor;

    public Blocking(Vertx vertx, int threads) {
        this.executor = vertx.createSharedWorkerExecutor("streamcat-app-worker", threads);
    }

    /** Runs {@code work} on a worker thread, unordered (requests do not wait for each other). */
    public <T> Future<T> call(Callable<T> work) {
        return executor.executeBlocking(work, false);
    }

    /** Runs {@code work} on a worker thread for its side effect. */
    public Future<Void> run(Runnable work) {
        return executor.executeBlocking(
                () -> {
                    work.run();
                    return null;
                },
                false);
    }

    @Override
    public void close() {
        executor.close();
    }
}
