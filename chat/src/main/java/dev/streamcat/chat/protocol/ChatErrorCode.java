package dev.streamcat.chat.protocol;

/**
 * The numeric {@code ErrorCode} of an IVS Chat {@code ERROR} frame (IVS Chat "Error Messages"; SDK
 * {@code chatErrorCodes}).
 *
 * <p>Immutable; thread-safe.
 */
public enum ChatErrorCode {
    /** The request was malformed or invalid. */
    BAD_REQUEST(400),
    /** The connection expired or the token was missing. */
    UNAUTHORIZED(401),
    /** The token lacks the capability for the action. */
    FORBIDDEN(403),
    /** The room does not exist. */
    NOT_FOUND(404),
    /** The message review handler denied the message. */
    REJECTED_BY_REVIEW(406),
    /** A field (or the whole frame) is too large. */
    TOO_LARGE(413),
    /** The room or connection rate limit was exceeded. */
    RATE_LIMITED(429),
    /** An unexpected server-side failure. */
    INTERNAL(500);

    private final int code;

    ChatErrorCode(int code) {
        this.code = code;
    }

    /** The number sent as {@code ErrorCode}. */
    public int code() {
        return code;
    }
}
