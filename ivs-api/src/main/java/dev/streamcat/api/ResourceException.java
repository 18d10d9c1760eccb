package dev.streamcat.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An error about one resource: IVS Chat sends {@code resourceId}, {@code resourceType} and, for
 * quota and throttling errors, {@code limit}. IVS sends only the message.
 */
public class ResourceException extends AwsServiceException {
    private final String resourceId;
    private final String resourceType;
    private final OptionalInt limit;

    protected ResourceException(
            String errorType, int status, String message, String resourceId, String resourceType, OptionalInt limit) {
        super(errorType, status, message);
        this.resourceId = resourceId;
        this.resourceType = resourceType;
        this.limit = limit;
    }

    public String resourceId() {
        return resourceId;
    }

    public String resourceType() {
        return resourceType;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("resourceId", resourceId);
        fields.put("resourceType", resourceType);
        limit.ifPresent(l -> fields.put("limit", l));
        return fields;
    }
}
