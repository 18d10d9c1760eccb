package dev.streamcat.chat.limit;

/**
 * A room's IVS limits: {@code maximumMessageRatePerSecond} (1–100, default 10, counted across all senders of the
 * room) and {@code maximumMessageLength} (1–500, default 500, counted in Unicode code points).
 *
 * <p>Immutable; thread-safe.
 */
public record RoomLimits(int maximumMessageRatePerSecond, int maximumMessageLength) {
    /** IVS default message rate. */
    public static final int DEFAULT_RATE = 10;
    /** IVS default (and maximum) message length. */
    public static final int DEFAULT_LENGTH = 500;

    public RoomLimits {
        if (maximumMessageRatePerSecond < 1 || maximumMessageRatePerSecond > 100) {
            throw new IllegalArgumentException(
                    "maximumMessageRatePerSecond must be 1-100, was " + maximumMessageRatePerSecond);
        }
        if (maximumMessageLength < 1 || maximumMessageLength > 500) {
            throw new IllegalArgumentException("maximumMessageLength must be 1-500, was " + maximumMessageLength);
        }
    }

    /** The IVS defaults (10 messages per second, 500 code points). */
    public static RoomLimits defaults() {
        return new RoomLimits(DEFAULT_RATE, DEFAULT_LENGTH);
    }

    /**
     * A limiter for this room's message rate: the sustained rate is the room setting and the burst equals it, so at
     * most {@code maximumMessageRatePerSecond} messages pass in any one second.
     */
    public RateLimiter newRateLimiter(Ticker ticker) {
        return new RateLimiter(maximumMessageRatePerSecond, maximumMessageRatePerSecond, ticker);
    }
}
