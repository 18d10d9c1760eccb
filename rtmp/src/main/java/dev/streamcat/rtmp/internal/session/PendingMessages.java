package dev.streamcat.rtmp.internal.session;

import dev.streamcat.rtmp.internal.message.RtmpMessage;
import dev.streamcat.rtmp.internal.message.RtmpMessage.MediaMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Messages that arrived while the authorizer was deciding, bounded by an estimate of the bytes they hold
 * (payload plus a fixed per-message overhead). Owns the queued messages until they are polled or
 * released.
 *
 * <p>Not thread-safe; confined to the session's event loop.
 */
final class PendingMessages {

    private static final int MESSAGE_OVERHEAD = 256;

    private final ArrayDeque<RtmpMessage> queue = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;

    PendingMessages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes ownership of {@code message}; false when the bound is now exceeded. */
    boolean add(RtmpMessage message) {
        queue.add(message);
        bytes += MESSAGE_OVERHEAD
                + (message instanceof MediaMessage media ? media.payload().readableBytes() : 0);
        return bytes <= maxBytes;
    }

    /** The oldest message, whose ownership passes to the caller. */
    Optional<RtmpMessage> poll() {
        return Optional.ofNullable(queue.poll());
    }

    void releaseAll() {
        for (RtmpMessage message; (message = queue.poll()) != null; ) {
            ReferenceCountUtil.release(message);
        }
        bytes = 0;
    }
}
