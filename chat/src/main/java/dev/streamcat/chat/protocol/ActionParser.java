package dev.streamcat.chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses client text frames into {@link ClientAction}s exactly as {@code amazon-ivs-chat-messaging} sends them
 * (capitalised field names {@code Action}, {@code Content}, {@code Attributes}, {@code RequestId}, {@code Id},
 * {@code Reason}, {@code UserId}; absent or {@code null} optional fields; unknown fields ignored). Every failure is a
 * {@link ChatException} carrying 400 (malformed) or 413 (too large) and, when it could be read, the
 * {@code RequestId}; nothing else escapes.
 *
 * <p>Thread-safe: stateless apart from a shared, thread-safe {@link JsonFactory}.
 */
public final class ActionParser {
    private static final int MAX_NESTING = 16;

    private final ActionLimits limits;
    private final JsonFactory json;

    public ActionParser(ActionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(limits.maxFrameBytes())
                        .maxNameLength(limits.maxFrameBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The limits this parser enforces. */
    public ActionLimits limits() {
        return limits;
    }

    /**
     * Parses one text frame.
     *
     * @throws ChatException with 400 or 413 when the frame is not a valid action
     */
    public ClientAction parse(String frame) {
        if (frame.length() > limits.maxFrameBytes()
                || (frame.length() * 3L > limits.maxFrameBytes()
                        && ChatAttributes.utf8Length(frame) > limits.maxFrameBytes())) {
            throw new ChatException(ChatErrorCode.TOO_LARGE, "Frame exceeds " + limits.maxFrameBytes() + " bytes");
        }
        RawAction raw = read(frame);
        Optional<String> requestId = Optional.ofNullable(raw.requestId);
        try {
            return toAction(raw, requestId);
        } catch (ChatException e) {
            throw e.withRequestId(requestId);
        }
    }

    private RawAction read(String frame) {
        var raw = new RawAction();
        try (JsonParser parser = json.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw badRequest("Request must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                readField(parser, raw, field, value);
            }
            if (parser.nextToken() != null) {
                throw badRequest("Unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw badRequest("Invalid JSON");
        } catch (IOException e) {
            throw badRequest("Unreadable request");
        }
        return raw;
    }

    private void readField(JsonParser parser, RawAction raw, String field, JsonToken value) throws IOException {
        switch (field) {
            case "Action" -> raw.action = string(parser, field, value);
            case "Content" -> raw.content = string(parser, field, value);
            case "RequestId" -> raw.requestId = string(parser, field, value);
            case "Id" -> raw.id = string(parser, field, value);
            case "Reason" -> raw.reason = string(parser, field, value);
            case "UserId" -> raw.userId = string(parser, field, value);
            case "Attributes" -> raw.attributes = attributes(parser, value);
            default -> parser.skipChildren();
        }
    }

    private static @Nullable String string(JsonParser parser, String field, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                throw badRequest(field + " must be a string");
            }
        };
    }

    private @Nullable Map<String, String> attributes(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw badRequest("Attributes must be an object of strings");
        }
        var attributes = new LinkedHashMap<String, String>();
        int bytes = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                throw badRequest("Attribute values must be strings");
            }
            String attribute = parser.getText();
            bytes += ChatAttributes.utf8Length(key) + ChatAttributes.utf8Length(attribute);
            attributes.put(key, attribute);
            if (attributes.size() > limits.maxAttributes()) {
                throw tooLarge("Attributes exceed " + limits.maxAttributes() + " entries");
            }
            if (bytes > limits.maxAttributesBytes()) {
                throw tooLarge("Attributes exceed " + limits.maxAttributesBytes() + " bytes");
            }
        }
        return attributes;
    }

    private ClientAction toAction(RawAction raw, Optional<String> requestId) {
        checkLength(raw.requestId, limits.maxIdLength(), "RequestId");
        if (raw.action == null) {
            throw badRequest("Action is required");
        }
        return switch (raw.action) {
            case "SEND_MESSAGE" -> {
                String content = required(raw.content, "Content");
                if (ChatAttributes.codePoints(content) > limits.maxContentCodePoints()) {
                    throw tooLarge("Content exceeds " + limits.maxContentCodePoints() + " characters");
                }
                yield new ClientAction.SendMessage(
                        content, raw.attributes == null ? Map.of() : raw.attributes, requestId);
            }
            case "DELETE_MESSAGE" -> {
                String id = required(raw.id, "Id");
                checkLength(id, limits.maxIdLength(), "Id");
                yield new ClientAction.DeleteMessage(id, reason(raw), requestId);
            }
            case "DISCONNECT_USER" -> {
                String userId = required(raw.userId, "UserId");
                checkLength(userId, limits.maxIdLength(), "UserId");
                yield new ClientAction.DisconnectUser(userId, reason(raw), requestId);
            }
            default -> throw badRequest("Unsupported Action");
        };
    }

    private Optional<String> reason(RawAction raw) {
        checkLength(raw.reason, limits.maxReasonLength(), "Reason");
        return Optional.ofNullable(raw.reason);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isEmpty()) {
            throw badRequest(field + " is required");
        }
        return value;
    }

    private static void checkLength(@Nullable String value, int max, String field) {
        if (value != null && ChatAttributes.codePoints(value) > max) {
            throw tooLarge(field + " exceeds " + max + " characters");
        }
    }

    private static ChatException badRequest(String message) {
        return new ChatException(ChatErrorCode.BAD_REQUEST, message);
    }

    private static ChatException tooLarge(String message) {
        return new ChatException(ChatErrorCode.TOO_LARGE, message);
    }

    /** Fields as read, before validation; confined to one {@link #parse} call. */
    private static final class RawAction {
        @Nullable
        String action;

        @Nullable
        String content;

        @Nullable
        String requestId;

        @Nullable
        String id;

        @Nullable
        String reason;

        @Nullable
        String userId;

        @Nullable
        Map<String, String> attributes;
    }
}
