package dev.streamcat.api;

import java.util.OptionalInt;

/** 404: see the IVS / IVS Chat error table. */
public final class ResourceNotFoundException extends ResourceException {
    public ResourceNotFoundException(String message, String resourceId, String resourceType) {
        super("ResourceNotFoundException", 404, message, resourceId, resourceType, OptionalInt.empty());
    }
}
