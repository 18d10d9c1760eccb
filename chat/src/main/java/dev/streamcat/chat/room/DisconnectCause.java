package dev.streamcat.chat.room;

/**
 * Why a room closes a connection, with the WebSocket close code the gateway should use. The IVS SDK treats a clean
 * close with 1000 as a server disconnect and does not reconnect; other codes make it reconnect with a new token.
 *
 * <p>Immutable; thread-safe.
 */
public enum DisconnectCause {
    /** DisconnectUser by a moderator or the API: 1000, the SDK stays disconnected. */
    DISCONNECTED_BY_MODERATOR(1000, "Disconnected by moderator"),
    /** The connection's outbound queue overflowed: 1008 (policy violation). */
    SLOW_CONSUMER(1008, "Slow consumer"),
    /** The client kept exceeding the per-connection action rate: 1008. */
    FLOODING(1008, "Too many requests"),
    /** The room was deleted or the server is shutting down: 1001 (going away). */
    ROOM_CLOSED(1001, "Room closed");

    private final int closeCode;
    private final String reason;

    DisconnectCause(int closeCode, String reason) {
        this.closeCode = closeCode;
        this.reason = reason;
    }

    /** The WebSocket close status code. */
    public int closeCode() {
        return closeCode;
    }

    /** A short close reason (under the 123-byte WebSocket limit). */
    public String reason() {
        return reason;
    }
}
