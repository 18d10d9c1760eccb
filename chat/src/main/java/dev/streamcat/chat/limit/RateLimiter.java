package dev.streamcat.chat.limit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket implemented as the generic cell rate algorithm (GCRA): one {@link AtomicLong} holding the theoretical
 * arrival time, updated by compare-and-set. It admits {@code ratePerSecond} permits per second on average and up to
 * {@code burst} at once after being idle.
 *
 * <p>Thread-safe and lock-free.
 */
public final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Ticker ticker;
    private final long intervalNanos;
    private final long toleranceNanos;
    private final double ratePerSecond;
    private final int burst;
    private final AtomicLong theoreticalArrival;

    /**
     * @param ratePerSecond sustained permits per second, greater than zero
     * @param burst permits available at once after an idle period, at least 1
     */
    public RateLimiter(double ratePerSecond, int burst, Ticker ticker) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / ratePerSecond));
        this.toleranceNanos = intervalNanos * (burst - 1);
        this.theoreticalArrival = new AtomicLong(ticker.nanoTime());
    }

    /** Takes one permit if one is available now; never waits. */
    public boolean tryAcquire() {
        long now = ticker.nanoTime();
        while (true) {
            long arrival = theoreticalArrival.get();
            if (now - (arrival - toleranceNanos) < 0) {
                return false;
            }
            long next = Math.max(arrival - now, 0) + now + intervalNanos;
            if (theoreticalArrival.compareAndSet(arrival, next)) {
                return true;
            }
        }
    }

    /** The sustained rate. */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** The burst size. */
    public int burst() {
        return burst;
    }
}
