package dev.streamcat.api;

/** 403 {@code AccessDeniedException}: see the IVS / IVS Chat error table. */
public final class AccessDeniedException extends AwsServiceException {
    public AccessDeniedException(String message) {
        super("AccessDeniedException", 403, message);
    }
}
