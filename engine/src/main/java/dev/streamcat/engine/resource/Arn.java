package dev.streamcat.engine.resource;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon Resource Name of this engine: {@code arn:aws:<service>:<region>:<account>:<type>/<id>}.
 *
 * @param service {@code ivs} or {@code ivschat}
 * @param resourceType e.g. {@code channel}, {@code stream-key}, {@code room}
 */
public record Arn(String service, String region, String accountId, String resourceType, String resourceId) {
    private static final Pattern FORM =
            Pattern.compile("^arn:aws:([a-z0-9-]+):([a-z0-9-]+):([0-9]+):([a-z-]+)/([a-zA-Z0-9-]+)$");

    /** Parses an ARN of the general form, or returns empty. */
    public static Optional<Arn> parse(String text) {
        if (text.length() > 256) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
    }

    @Override
    public String toString() {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resourceType + "/" + resourceId;
    }
}
