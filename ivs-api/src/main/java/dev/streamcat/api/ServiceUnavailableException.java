package dev.streamcat.api;

/** 503 {@code ServiceUnavailable}: see the IVS / IVS Chat error table. */
public final class ServiceUnavailableException extends AwsServiceException {
    public ServiceUnavailableException(String message) {
        super("ServiceUnavailable", 503, message);
    }
}
