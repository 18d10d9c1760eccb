package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.room.DisconnectCause;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Why the gateway closes an open chat WebSocket, with the close code and reason it sends. The IVS SDK treats a clean
 * close (any code, or 1000) as {@code serverDisconnect} and does not reconnect; it reconnects with a new token after
 * an {@code ERROR} frame with {@code ErrorCode} 401, which the gateway sends just before closing an expired session.
 *
 * <p>Immutable; thread-safe. This enum and {@link HandshakeRefusal} are the gateway's only translation to the wire.
 */
public enum CloseReason {
    /** DisconnectUser (API or a moderator's DISCONNECT_USER): 1000, the SDK stays disconnected. */
    DISCONNECTED_BY_MODERATOR(1000, "Disconnected by moderator"),
    /** {@code sessionExpirationTime} passed; preceded by an ERROR 401 so the SDK reconnects with a new token. */
    SESSION_EXPIRED(1000, "Session expired"),
    /** The outbound queue overflowed. */
    SLOW_CONSUMER(1008, "Slow consumer"),
    /** The client kept exceeding the per-connection action rate. */
    FLOODING(1008, "Too many requests"),
    /** The client sent a binary message; the protocol is JSON text. */
    BINARY_MESSAGE(1003, "Text frames only"),
    /** A frame or message exceeded the size limit. */
    MESSAGE_TOO_BIG(1009, "Message too big"),
    /** The client broke the WebSocket protocol (bad framing, bad UTF-8). */
    PROTOCOL_ERROR(1002, "Protocol error"),
    /** Nothing, not even a pong, came back for two ping intervals. */
    IDLE(1001, "Idle timeout"),
    /** The room was deleted. */
    ROOM_CLOSED(1001, "Room closed"),
    /** The engine is shutting down. */
    SHUTDOWN(1001, "Server shutting down");

    private final short code;
    private final String reason;

    CloseReason(int code, String reason) {
        this.code = (short) code;
        this.reason = reason;
    }

    /** The chat core's disconnect causes, as sent by this gateway. */
    public static CloseReason of(DisconnectCause cause) {
        return switch (cause) {
            case DISCONNECTED_BY_MODERATOR -> DISCONNECTED_BY_MODERATOR;
            case SLOW_CONSUMER -> SLOW_CONSUMER;
            case FLOODING -> FLOODING;
            case ROOM_CLOSED -> ROOM_CLOSED;
        };
    }

    /**
     * How a failure reported by the socket is answered: Netty's decoder reports oversized frames (1009) and protocol
     * violations, Netty's message aggregator reports oversized fragmented messages as {@link TooLongFrameException}.
     */
    public static CloseReason ofSocketFailure(Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException corrupted) {
            return corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
                    ? MESSAGE_TOO_BIG
                    : PROTOCOL_ERROR;
        }
        return failure instanceof TooLongFrameException ? MESSAGE_TOO_BIG : PROTOCOL_ERROR;
    }

    /** The WebSocket close status code. */
    public short code() {
        return code;
    }

    /** The close reason (well under the 123-byte limit). */
    public String reason() {
        return reason;
    }
}
