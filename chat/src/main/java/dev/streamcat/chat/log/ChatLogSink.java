package dev.streamcat.chat.log;

/**
 * A chat log destination. {@link #offer} never blocks: each sink has its own bounded queue and writer thread, so a slow
 * or failing destination never holds up a room; when the queue is full the record is dropped and counted.
 *
 * <p>Implementations are thread-safe.
 */
public interface ChatLogSink extends AutoCloseable {

    /** Queues {@code record}; false (and counted as dropped) when the queue is full or the sink is closed. */
    boolean offer(ChatLogRecord record);

    /** Counters since start. */
    SinkStats stats();

    /**
     * Stops accepting records, writes everything queued, flushes and syncs to durable storage, and releases resources;
     * waits at most the sink's configured close timeout. Idempotent.
     */
    @Override
    void close();

    /**
     * Sink counters: records accepted into the queue, written to the destination, dropped (queue full or closed) and
     * failed (the destination rejected them).
     *
     * <p>Immutable; thread-safe.
     */
    record SinkStats(long accepted, long written, long dropped, long failed) {}
}
