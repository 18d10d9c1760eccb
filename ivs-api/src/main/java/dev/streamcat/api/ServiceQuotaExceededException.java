package dev.streamcat.api;

import java.util.OptionalInt;

/** 402: see the IVS / IVS Chat error table; carries the limit that was reached. */
public final class ServiceQuotaExceededException extends ResourceException {
    public ServiceQuotaExceededException(String message, String resourceId, String resourceType, int limit) {
        super("ServiceQuotaExceededException", 402, message, resourceId, resourceType, OptionalInt.of(limit));
    }
}
