package dev.streamcat.chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes {@link ServerFrame}s to UTF-8 JSON with the field order and presence IVS Chat uses. Absent
 * {@code RequestId}s are written as {@code ""} and absent attributes as {@code {}}, as in IVS chat logs.
 *
 * <p>Thread-safe and stateless apart from a shared, thread-safe {@link JsonFactory}.
 */
public final class FrameEncoder {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** Encodes {@code frame} once; deliver the result to every recipient. */
    public EncodedFrame encode(ServerFrame frame) {
        var out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("Type", frame.type().name());
            json.writeStringField("Id", frame.id());
            switch (frame) {
                case ServerFrame.Message message -> writeMessage(json, message);
                case ServerFrame.Event event -> writeEvent(json, event);
                case ServerFrame.Error error -> writeError(json, error);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chat frame", e);
        }
        return EncodedFrame.wrap(frame.type(), frame.id(), out.toByteArray());
    }

    private static void writeMessage(JsonGenerator json, ServerFrame.Message message) throws IOException {
        writeRequestId(json, message.requestId());
        json.writeStringField("Content", message.content());
        writeAttributes(json, "Attributes", message.attributes());
        json.writeStringField("SendTime", ChatTimes.sendTime(message.sendTime()));
        json.writeObjectFieldStart("Sender");
        json.writeStringField("UserId", message.sender().userId());
        writeAttributes(json, "Attributes", message.sender().attributes());
        json.writeEndObject();
    }

    private static void writeEvent(JsonGenerator json, ServerFrame.Event event) throws IOException {
        json.writeStringField("EventName", event.eventName());
        writeAttributes(json, "Attributes", event.attributes());
        writeRequestId(json, event.requestId());
        json.writeStringField("SendTime", ChatTimes.sendTime(event.sendTime()));
    }

    private static void writeError(JsonGenerator json, ServerFrame.Error error) throws IOException {
        writeRequestId(json, error.requestId());
        json.writeNumberField("ErrorCode", error.errorCode().code());
        json.writeStringField("ErrorMessage", error.errorMessage());
    }

    private static void writeRequestId(JsonGenerator json, Optional<String> requestId) throws IOException {
        json.writeStringField("RequestId", requestId.orElse(""));
    }

    static void writeAttributes(JsonGenerator json, String field, Map<String, String> attributes) throws IOException {
        json.writeObjectFieldStart(field);
        for (var entry : attributes.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
