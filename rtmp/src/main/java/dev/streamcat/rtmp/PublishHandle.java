package dev.streamcat.rtmp;

/**
 * The engine's hold on a live publish, given to {@link PublishSink#onStart}.
 *
 * <p>Thread-safe: every method may be called from any thread; {@link #close()} runs on the connection's
 * event loop.
 */
public interface PublishHandle extends AutoCloseable {

    /** What the client asked for when it started publishing. */
    PublishRequest request();

    /** Whether media may still arrive. */
    boolean isActive();

    /**
     * Cuts the publisher (IVS {@code StopStream}): the client gets {@code onStatus}
     * {@code NetStream.Unpublish.Success}, the connection is closed and the sink gets {@link
     * CloseReason.Stopped} unless it already got another reason. Idempotent.
     */
    @Override
    void close();
}
