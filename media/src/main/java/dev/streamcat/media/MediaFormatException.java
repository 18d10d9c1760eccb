package dev.streamcat.media;

/**
 * Malformed or unsupported media input: a truncated FLV tag, a bad decoder configuration record, a
 * parameter set that cannot be parsed. Every parser in this module throws this type and nothing
 * else for bad input.
 *
 * <p>Thread-safe (immutable).
 */
public final class MediaFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaFormatException(String message) {
        super(message);
    }

    public MediaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
