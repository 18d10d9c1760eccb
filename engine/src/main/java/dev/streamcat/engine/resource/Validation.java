package dev.streamcat.engine.resource;

import dev.streamcat.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects field constraint violations of one request and throws them as one {@link
 * ValidationException} with a {@code fieldList}, worded like AWS's Smithy validation. String
 * lengths count Unicode code points, as Smithy's {@code @length} does. Not thread-safe: one per
 * request.
 */
public final class Validation {
    /** Tag map limits shared by IVS and IVS Chat. */
    public static final int MAX_TAGS = 50;

    private final List<ValidationException.Field> errors = new ArrayList<>();

    public Validation required(String field, @Nullable Object value) {
        if (value == null) {
            add(field, "Member must not be null");
        }
        return this;
    }

    public Validation length(String field, @Nullable String value, int min, int max) {
        if (value != null) {
            int n = value.codePointCount(0, value.length());
            if (n < min || n > max) {
                add(
                        field,
                        "Value at '" + field + "' failed to satisfy constraint: Member must have length between " + min
                                + " and " + max + ", inclusive");
            }
        }
        return this;
    }

    public Validation pattern(String field, @Nullable String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(
                    field,
                    "Value at '" + field
                            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + pattern.pattern());
        }
        return this;
    }

    public Validation range(String field, @Nullable Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            add(
                    field,
                    "Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must be between "
                            + min + " and " + max + ", inclusive");
        }
        return this;
    }

    public Validation oneOf(String field, @Nullable String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(
                    field,
                    "Value '" + value + "' at '" + field
                            + "' failed to satisfy constraint: Member must satisfy enum value set: "
                            + allowed.stream().sorted().toList());
        }
        return this;
    }

    public Validation size(String field, @Nullable List<?> value, int min, int max) {
        if (value != null && (value.size() < min || value.size() > max)) {
            add(
                    field,
                    "Value at '" + field + "' failed to satisfy constraint: Member must have length between " + min
                            + " and " + max + ", inclusive");
        }
        return this;
    }

    /** Tag maps: at most 50 entries, keys 1–128 code points and not {@code aws:}, values 0–256. */
    public Validation tags(String field, @Nullable Map<String, String> tags) {
        if (tags == null) {
            return this;
        }
        if (tags.size() > MAX_TAGS) {
            add(
                    field,
                    "Value at '" + field + "' failed to satisfy constraint: Map must have at most " + MAX_TAGS
                            + " entries");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > 128) {
                add(field, "Tag keys must have length between 1 and 128, inclusive");
            } else if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                add(field, "Tag keys starting with 'aws:' are reserved");
            }
            if (value == null || value.codePointCount(0, value.length()) > 256) {
                add(field, "Tag values must have length between 0 and 256, inclusive");
            }
        }
        return this;
    }

    /** A rule of its own: {@code ok} or the field fails with {@code message}. */
    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String message = errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + " detected: "
                + String.join(
                        "; ",
                        errors.stream().map(ValidationException.Field::message).toList());
        throw new ValidationException(message, ValidationException.Reason.FIELD_VALIDATION_FAILED, errors);
    }

    private void add(String field, String message) {
        errors.add(new ValidationException.Field(field, message));
    }
}
