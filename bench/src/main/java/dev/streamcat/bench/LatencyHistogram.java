package dev.streamcat.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in 100-microsecond buckets up to 60 s (the last bucket collects anything longer).
 * Thread-safe, allocation-free on record.
 */
public final class LatencyHistogram {
    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 600_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(long nanos) {
        int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / BUCKET_NANOS));
        counts.incrementAndGet(bucket);
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += counts.get(i);
        return total;
    }

    /** The latency in milliseconds at quantile {@code q} (0..1), to 0.1 ms. */
    public double percentileMillis(double q) {
        long total = count();
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return (i + 1) * BUCKET_NANOS / 1_000_000.0;
        }
        return BUCKETS * BUCKET_NANOS / 1_000_000.0;
    }
}
