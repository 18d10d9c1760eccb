package dev.streamcat.chat.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON of the IVS review handler contract. Request: {@code {"Content","MessageId","RoomArn","Attributes",
 * "Sender":{"Attributes","UserId","Ip"}}}. Response: {@code {"ReviewResult":"ALLOW"|"DENY","Content","Attributes"}}
 * with {@code ReviewResult} required; on {@code ALLOW} a missing {@code Content} or {@code Attributes} keeps the
 * original. Length and size checks of the answer are done by {@link MessageReviewer}.
 *
 * <p>Thread-safe; stateless apart from a shared, thread-safe {@link JsonFactory}.
 */
public final class ReviewCodec {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(8).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** The request body sent to a handler. */
    public byte[] encodeRequest(ReviewRequest request) {
        var out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Content", request.content());
            json.writeStringField("MessageId", request.messageId());
            json.writeStringField("RoomArn", request.roomArn());
            writeMap(json, "Attributes", request.attributes());
            json.writeObjectFieldStart("Sender");
            writeMap(json, "Attributes", request.senderAttributes());
            json.writeStringField("UserId", request.senderUserId());
            json.writeStringField("Ip", request.senderIp());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a handler's answer to {@code request}.
     *
     * @throws InvalidReviewResponseException when the body is not a valid answer
     */
    public ReviewVerdict decodeResponse(byte[] body, ReviewRequest request) {
        String result = null;
        String content = null;
        Map<String, String> attributes = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidReviewResponseException("response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "ReviewResult" -> result = string(parser, value, field);
                    case "Content" -> content = string(parser, value, field);
                    case "Attributes" -> attributes = map(parser, value);
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidReviewResponseException("response is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result == null) {
            throw new InvalidReviewResponseException("ReviewResult is required");
        }
        return switch (result) {
            case "ALLOW" ->
                new ReviewVerdict.Allow(
                        content == null ? request.content() : content,
                        attributes == null ? request.attributes() : attributes);
            case "DENY" -> new ReviewVerdict.Deny();
            default -> throw new InvalidReviewResponseException("ReviewResult must be ALLOW or DENY");
        };
    }

    private static @Nullable String string(JsonParser parser, JsonToken value, String field) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw new InvalidReviewResponseException(field + " must be a string");
        };
    }

    private static @Nullable Map<String, String> map(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new InvalidReviewResponseException("Attributes must be an object");
        }
        var map = new LinkedHashMap<String, String>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new InvalidReviewResponseException("Attributes values must be strings");
            }
            map.put(key, parser.getText());
        }
        return map;
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
        json.writeObjectFieldStart(field);
        for (var entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
