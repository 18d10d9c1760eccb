package dev.streamcat.chat.review;

/**
 * A room's {@code messageReviewHandler.fallbackResult}: what happens to a message when the handler times out, fails
 * or answers invalidly. IVS default: {@link #ALLOW}.
 *
 * <p>Immutable; thread-safe.
 */
public enum FallbackResult {
    ALLOW,
    DENY
}
