package dev.streamcat.rtmp;

import java.time.Duration;

/**
 * Bounds on what one RTMP connection may make the server hold or wait for. Validated on construction;
 * immutable and thread-safe.
 *
 * @param maxChunkSize largest chunk size a client may set (RTMP 1.0 §5.4.1 allows up to 0xFFFFFF)
 * @param maxMessageSize largest message (e.g. one video frame) a client may send
 * @param maxChunkStreams most chunk stream ids a client may use on one connection
 * @param maxPendingBytes most bytes held for one connection in partly received messages, and again in
 *     messages queued while the {@link PublishAuthorizer} decides
 * @param handshakeTimeout time allowed from accept to the end of the handshake
 * @param idleTimeout time without any bytes from the client after which it is closed
 * @param authorizationTimeout time the authorizer may take before the publish is refused
 * @param maxConnections most concurrent connections per listener; more are closed on accept
 */
public record RtmpLimits(
        int maxChunkSize,
        int maxMessageSize,
        int maxChunkStreams,
        int maxPendingBytes,
        Duration handshakeTimeout,
        Duration idleTimeout,
        Duration authorizationTimeout,
        int maxConnections) {

    /** The RTMP spec's limit on chunk and message sizes (24-bit length fields). */
    public static final int PROTOCOL_MAX_SIZE = 0xFFFFFF;

    public RtmpLimits {
        requireRange("maxChunkSize", maxChunkSize, 128, PROTOCOL_MAX_SIZE);
        requireRange("maxMessageSize", maxMessageSize, 1024, PROTOCOL_MAX_SIZE);
        requireRange("maxChunkStreams", maxChunkStreams, 2, 65599);
        requireRange("maxPendingBytes", maxPendingBytes, maxMessageSize, Integer.MAX_VALUE);
        requirePositive("handshakeTimeout", handshakeTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("authorizationTimeout", authorizationTimeout);
        requireRange("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
    }

    /**
     * 1 MiB chunks, 8 MiB messages (a 4K keyframe fits), 32 chunk streams, 16 MiB pending, 10 s
     * handshake, 30 s idle, 10 s authorisation, 10,000 connections.
     */
    public static RtmpLimits defaults() {
        return new RtmpLimits(
                1 << 20,
                8 << 20,
                32,
                16 << 20,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                10_000);
    }

    public RtmpLimits withIdleTimeout(Duration timeout) {
        return new RtmpLimits(
                maxChunkSize,
                maxMessageSize,
                maxChunkStreams,
                maxPendingBytes,
                handshakeTimeout,
                timeout,
                authorizationTimeout,
                maxConnections);
    }

    public RtmpLimits withHandshakeTimeout(Duration timeout) {
        return new RtmpLimits(
                maxChunkSize,
                maxMessageSize,
                maxChunkStreams,
                maxPendingBytes,
                timeout,
                idleTimeout,
                authorizationTimeout,
                maxConnections);
    }

    public RtmpLimits withAuthorizationTimeout(Duration timeout) {
        return new RtmpLimits(
                maxChunkSize,
                maxMessageSize,
                maxChunkStreams,
                maxPendingBytes,
                handshakeTimeout,
                idleTimeout,
                timeout,
                maxConnections);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
