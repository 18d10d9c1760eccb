package dev.streamcat.rtmp;

/**
 * An RTMP failure that carries the status the peer is (or would be) told. Decoder violations use
 * {@link RtmpStatus#CONNECT_FAILED}; the connection is then closed without a reply because the byte
 * stream can no longer be trusted.
 */
public class RtmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RtmpStatus status;

    public RtmpException(RtmpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RtmpException(RtmpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The wire status of this failure. */
    public RtmpStatus status() {
        return status;
    }

    /** A malformed or over-limit byte stream from the peer. */
    public static RtmpException protocol(String message) {
        return new RtmpException(RtmpStatus.CONNECT_FAILED, message);
    }
}
