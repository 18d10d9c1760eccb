package dev.streamcat.engine.chatgateway;

/**
 * Why a WebSocket handshake is refused, with the HTTP status answered instead of {@code 101}. Every refusal is a plain
 * HTTP response, so browsers fire {@code error} then {@code close} (code 1006, not clean) and the IVS SDK treats it as
 * a failed connection attempt (it retries with a fresh token up to {@code maxReconnectAttempts}). The statuses follow
 * the IVS Chat error codes (401 token missing or expired, 403 forbidden, 404 room not found).
 *
 * <p>Immutable; thread-safe. This enum and {@link CloseReason} are the gateway's only translation to the wire.
 */
public enum HandshakeRefusal {
    /** No {@code Sec-WebSocket-Protocol}, or more than one value. */
    MISSING_TOKEN(401, "Chat token missing"),
    /** The token was not sealed by this engine, or is damaged. */
    INVALID_TOKEN(401, "Chat token invalid"),
    /** The token's one minute to connect is over, or its session already ended. */
    EXPIRED_TOKEN(401, "Chat token expired"),
    /** The token already opened a connection (tokens are single-use). */
    TOKEN_ALREADY_USED(401, "Chat token already used"),
    /** The {@code Origin} is not in the configured allow-list. */
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
    /** The token's room was deleted. */
    ROOM_NOT_FOUND(404, "Room not found"),
    /** WebSocket upgrades are only served at {@code /}. */
    WRONG_PATH(404, "Not found"),
    /** The engine is shutting down, or the room could not be loaded. */
    UNAVAILABLE(503, "Chat unavailable");

    private final int status;
    private final String message;

    HandshakeRefusal(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }

    /** A short text for logs. */
    public String message() {
        return message;
    }
}
