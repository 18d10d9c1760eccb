package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.Capability;
import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.Map;
import java.util.Set;

/**
 * One client connection as the room sees it; implemented by the WebSocket gateway. Rooms compare connections by
 * identity, so implementations should not override {@code equals}.
 *
 * <p>Implementations must be thread-safe: a room calls {@link #send} from whichever thread publishes a frame (another
 * connection's event loop, a review-handler completion thread, a bus thread). {@link #send} must never block: it
 * enqueues onto the connection's bounded outbound queue (flushes may be coalesced on the connection's event loop) and
 * returns false when that queue is full, after which the room drops the connection as a slow consumer.
 */
public interface ChatConnection {

    /** The token's {@code userId}. */
    String userId();

    /** The token's capabilities. */
    Set<Capability> capabilities();

    /** The token's attributes, stamped on every message as {@code Sender.Attributes}. */
    Map<String, String> attributes();

    /** The client IP, given to review handlers as {@code Sender.Ip}. */
    String remoteAddress();

    /** Queues {@code frame} for sending; false when the outbound queue is full. Never blocks. */
    boolean send(EncodedFrame frame);

    /** Closes the connection (after queued frames are flushed, where possible). Never blocks; idempotent. */
    void disconnect(DisconnectCause cause);
}
