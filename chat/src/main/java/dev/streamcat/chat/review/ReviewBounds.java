package dev.streamcat.chat.review;

/**
 * Bounds a handler's answer must respect besides the room's message length: attribute count and total UTF-8 size
 * (default 32 entries, 1 KiB — the same as the action parser's defaults) and the size of a webhook response body
 * (default 16 KiB).
 *
 * <p>Immutable; thread-safe.
 */
public record ReviewBounds(int maxAttributes, int maxAttributesBytes, int maxResponseBytes) {
    public ReviewBounds {
        if (maxAttributes < 0 || maxAttributesBytes < 0 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("review bounds must not be negative");
        }
    }

    /** The defaults described above. */
    public static ReviewBounds defaults() {
        return new ReviewBounds(32, 1024, 16 * 1024);
    }
}
