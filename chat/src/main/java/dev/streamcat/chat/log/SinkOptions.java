package dev.streamcat.chat.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Queueing settings shared by all sinks: queue capacity (default 10,000 records), records per write (default 500,
 * the Firehose PutRecordBatch maximum) and how long {@code close()} waits for the queue to drain (default 10 s).
 *
 * <p>Immutable; thread-safe.
 */
public record SinkOptions(int queueCapacity, int maxBatch, Duration closeTimeout) {
    public SinkOptions {
        if (queueCapacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("queueCapacity and maxBatch must be positive");
        }
        Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /** The defaults described above. */
    public static SinkOptions defaults() {
        return new SinkOptions(10_000, 500, Duration.ofSeconds(10));
    }
}
