package dev.streamcat.api;

import java.util.Map;

/**
 * An error of the IVS / IVS Chat API, carrying its wire outcome: the error type name sent in the
 * {@code x-amzn-ErrorType} header, the HTTP status, and the extra body members of that error.
 *
 * <p>The body's message member differs per service ({@code exceptionMessage} on IVS, {@code
 * message} on IVS Chat); the HTTP layer picks it. Immutable and thread-safe.
 */
public class AwsServiceException extends RuntimeException {
    private final String errorType;
    private final int httpStatus;

    protected AwsServiceException(String errorType, int httpStatus, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    /** The error's shape name, e.g. {@code ResourceNotFoundException}. */
    public String errorType() {
        return errorType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The members of the error body besides the message, in wire names. */
    public Map<String, Object> fields() {
        return Map.of();
    }
}
