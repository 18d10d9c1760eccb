package dev.streamcat.engine.chat;

import java.util.Set;
import java.util.regex.Pattern;

/** Enumerations, patterns, defaults and quotas of the IVS Chat API model (Smithy {@code ivschat.json}). */
final class ChatConstraints {
    static final String SERVICE = "ivschat";

    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9-_]*$");
    static final Pattern ROOM_ARN = Pattern.compile("^arn:aws:ivschat:[a-z0-9-]+:[0-9]+:room/[a-zA-Z0-9-]+$");
    static final Pattern LOGGING_CONFIGURATION_ARN =
            Pattern.compile("^arn:aws:ivschat:[a-z0-9-]+:[0-9]+:logging-configuration/[a-zA-Z0-9-]+$");
    /** The Lambda form of the model, plus the {@code http(s)://} webhooks this engine also accepts. */
    static final Pattern REVIEW_HANDLER_URI =
            Pattern.compile("^$|^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+|^https?://[^\\s]+$");

    static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9-.]+$");
    static final Pattern LOG_GROUP_NAME = Pattern.compile("^[\\.\\-_/#A-Za-z0-9]+$");
    static final Pattern DELIVERY_STREAM_NAME = Pattern.compile("^[a-zA-Z0-9_.-]+$");
    static final Pattern MESSAGE_ID = Pattern.compile("^[a-zA-Z0-9]+$");

    static final Set<String> FALLBACK_RESULTS = Set.of("ALLOW", "DENY");
    static final Set<String> CAPABILITIES = Set.of("SEND_MESSAGE", "DISCONNECT_USER", "DELETE_MESSAGE");

    static final int DEFAULT_MESSAGE_RATE = 10;
    static final int MAX_MESSAGE_RATE = 100;
    static final int DEFAULT_MESSAGE_LENGTH = 500;
    static final int MAX_MESSAGE_LENGTH = 500;
    static final int MAX_LOGGING_CONFIGURATIONS_PER_ROOM = 3;
    static final int MAX_LOGGING_CONFIGURATIONS = 10;
    static final int LIST_DEFAULT = 50;
    static final int LIST_MAX = 50;
    static final int DEFAULT_SESSION_MINUTES = 60;
    static final int MAX_SESSION_MINUTES = 180;
    /** Attribute maps (token and event attributes) are limited to 1 KB in total, keys and values in UTF-8. */
    static final int MAX_ATTRIBUTES_BYTES = 1024;

    private ChatConstraints() {}

    static int attributesBytes(java.util.Map<String, String> attributes) {
        int total = 0;
        for (var e : attributes.entrySet()) {
            total += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += e.getValue() == null ? 0 : e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return total;
    }
}
