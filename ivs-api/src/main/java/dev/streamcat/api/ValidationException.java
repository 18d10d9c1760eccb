package dev.streamcat.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 400: the request failed validation. {@code reason} and {@code fieldList} follow IVS Chat. */
public final class ValidationException extends AwsServiceException {
    /** The reasons of IVS Chat's {@code ValidationExceptionReason}. */
    public enum Reason {
        UNKNOWN_OPERATION,
        FIELD_VALIDATION_FAILED,
        OTHER
    }

    /** One failed field: its wire name and what is wrong with it. */
    public record Field(String name, String message) {}

    private final Reason reason;
    private final List<Field> fieldList;

    public ValidationException(String message, Reason reason, List<Field> fieldList) {
        super("ValidationException", 400, message);
        this.reason = reason;
        this.fieldList = List.copyOf(fieldList);
    }

    /** A single invalid field. */
    public static ValidationException field(String name, String problem) {
        return new ValidationException(
                name + ": " + problem, Reason.FIELD_VALIDATION_FAILED, List.of(new Field(name, problem)));
    }

    public static ValidationException other(String message) {
        return new ValidationException(message, Reason.OTHER, List.of());
    }

    public Reason reason() {
        return reason;
    }

    public List<Field> fieldList() {
        return fieldList;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", reason.name());
        if (!fieldList.isEmpty()) {
            fields.put("fieldList", fieldList);
        }
        return fields;
    }
}
