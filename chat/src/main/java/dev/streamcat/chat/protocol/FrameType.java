package dev.streamcat.chat.protocol;

/**
 * The {@code Type} of a server frame.
 *
 * <p>Immutable; thread-safe.
 */
public enum FrameType {
    MESSAGE,
    EVENT,
    ERROR
}
