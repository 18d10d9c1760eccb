package dev.streamcat.api;

/** 503 {@code StreamUnavailable}: see the IVS / IVS Chat error table. */
public final class StreamUnavailableException extends AwsServiceException {
    public StreamUnavailableException(String message) {
        super("StreamUnavailable", 503, message);
    }
}
