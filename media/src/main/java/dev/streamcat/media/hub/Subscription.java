package dev.streamcat.media.hub;

/** A handle to stop receiving a stream. Closing is idempotent and thread-safe. */
public interface Subscription extends AutoCloseable {
    /** Stops delivery; takes effect at the publisher's next call, no further callbacks after it. */
    @Override
    void close();
}
