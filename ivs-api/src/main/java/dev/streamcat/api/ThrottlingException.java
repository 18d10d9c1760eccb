package dev.streamcat.api;

import java.util.OptionalInt;

/** 429: see the IVS / IVS Chat error table; carries the limit that was reached. */
public final class ThrottlingException extends ResourceException {
    public ThrottlingException(String message, String resourceId, String resourceType, int limit) {
        super("ThrottlingException", 429, message, resourceId, resourceType, OptionalInt.of(limit));
    }
}
