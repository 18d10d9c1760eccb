package dev.streamcat.api;

/** 403 {@code PendingVerification}: see the IVS / IVS Chat error table. */
public final class PendingVerificationException extends AwsServiceException {
    public PendingVerificationException(String message) {
        super("PendingVerification", 403, message);
    }
}
