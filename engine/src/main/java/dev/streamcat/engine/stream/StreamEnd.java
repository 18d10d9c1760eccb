package dev.streamcat.engine.stream;

/** How a stream ended. Immutable. */
public sealed interface StreamEnd {
    /** The broadcaster stopped, disconnected, or the stream was stopped ({@code StopStream}, shutdown). */
    record Normal() implements StreamEnd {}

    /**
     * The stream was cut because something went wrong.
     *
     * @param code a short error name, e.g. {@code UnsupportedCodec}
     * @param detail a human-readable explanation
     */
    record Failure(String code, String detail) implements StreamEnd {}
}
