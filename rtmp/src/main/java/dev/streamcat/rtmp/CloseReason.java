package dev.streamcat.rtmp;

/**
 * Why a publish ended; given to {@link PublishSink#onClose}. Immutable values.
 */
public sealed interface CloseReason {

    /** The client ended the publish ({@code FCUnpublish}, {@code deleteStream}, {@code closeStream}). */
    record Unpublished() implements CloseReason {}

    /** The connection closed without an unpublish (encoder quit, network loss). */
    record Disconnected() implements CloseReason {}

    /** The engine called {@link PublishHandle#close()}, or the server is shutting down. */
    record Stopped() implements CloseReason {}

    /** Nothing arrived from the client for longer than {@link RtmpLimits#idleTimeout()}. */
    record TimedOut() implements CloseReason {}

    /** The client broke the protocol or a limit (malformed chunk, oversized message, flood). */
    record ProtocolViolation(String detail) implements CloseReason {}

    /** The client sent audio or video in a codec the {@link CodecPolicy} refuses. */
    record UnsupportedCodec(String codec) implements CloseReason {}

    /** The sink threw; the publish was cut to keep the connection consistent. */
    record SinkFailed(String detail) implements CloseReason {}
}
