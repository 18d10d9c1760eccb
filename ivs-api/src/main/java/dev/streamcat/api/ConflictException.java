package dev.streamcat.api;

import java.util.OptionalInt;

/** 409: see the IVS / IVS Chat error table. */
public final class ConflictException extends ResourceException {
    public ConflictException(String message, String resourceId, String resourceType) {
        super("ConflictException", 409, message, resourceId, resourceType, OptionalInt.empty());
    }
}
