package dev.streamcat.api;

/** 500 {@code InternalServerException}: see the IVS / IVS Chat error table. */
public final class InternalServerException extends AwsServiceException {
    public InternalServerException(String message) {
        super("InternalServerException", 500, message);
    }
}
