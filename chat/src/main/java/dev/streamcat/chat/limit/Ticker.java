package dev.streamcat.chat.limit;

/**
 * A monotonic nanosecond time source, injected so limits are deterministic in tests.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Ticker {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
