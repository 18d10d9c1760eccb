package dev.streamcat.chat.review;

/**
 * A review handler answered something that is not a valid review response; the room's fallback applies.
 *
 * <p>Immutable; thread-safe.
 */
public final class InvalidReviewResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidReviewResponseException(String message) {
        super(message, null, false, false);
    }
}
