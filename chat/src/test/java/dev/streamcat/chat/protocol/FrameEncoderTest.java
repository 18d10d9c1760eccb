package dev.streamcat.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private static final Instant SEND_TIME = Instant.parse("2023-01-05T14:33:32.894089757Z");

    private final FrameEncoder encoder = new FrameEncoder();

    @Test
    void encodesMessageExactlyAsIvs() {
        var frame = new ServerFrame.Message(
                "AbCdEfGhIjKl",
                Optional.of("a1b2"),
                "hello \"cat\" 🐱",
                Map.of("color", "red"),
                SEND_TIME,
                new ServerFrame.Sender("42", Map.of("username", "cat")));

        EncodedFrame encoded = encoder.encode(frame);

        assertThat(encoded.text())
                .isEqualTo("{\"Type\":\"MESSAGE\",\"Id\":\"AbCdEfGhIjKl\",\"RequestId\":\"a1b2\","
                        + "\"Content\":\"hello \\\"cat\\\" 🐱\",\"Attributes\":{\"color\":\"red\"},"
                        + "\"SendTime\":\"2023-01-05T14:33:32.894089757Z\","
                        + "\"Sender\":{\"UserId\":\"42\",\"Attributes\":{\"username\":\"cat\"}}}");
        assertThat(encoded.type()).isEqualTo(FrameType.MESSAGE);
        assertThat(encoded.id()).isEqualTo("AbCdEfGhIjKl");
        assertThat(encoded.size()).isEqualTo(encoded.toByteArray().length);
    }

    @Test
    void writesEmptyRequestIdAndAttributesWhenAbsent() {
        var frame = new ServerFrame.Message(
                "AbCdEfGhIjKl",
                Optional.empty(),
                "[joined chat]",
                Map.of(),
                Instant.parse("2023-01-05T14:33:32Z"),
                new ServerFrame.Sender("guest", Map.of()));

        assertThat(encoder.encode(frame).text())
                .isEqualTo("{\"Type\":\"MESSAGE\",\"Id\":\"AbCdEfGhIjKl\",\"RequestId\":\"\","
                        + "\"Content\":\"[joined chat]\",\"Attributes\":{},\"SendTime\":\"2023-01-05T14:33:32Z\","
                        + "\"Sender\":{\"UserId\":\"guest\",\"Attributes\":{}}}");
    }

    @Test
    void encodesDeleteMessageEventWithBothIdSpellings() {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("MessageID", "MsgMsgMsg123");
        attributes.put("MessageId", "MsgMsgMsg123");
        attributes.put("Reason", "spam");
        var frame = new ServerFrame.Event(
                "EvtEvtEvt123", ServerFrame.DELETE_MESSAGE_EVENT, attributes, Optional.of("r-9"), SEND_TIME);

        assertThat(encoder.encode(frame).text())
                .isEqualTo("{\"Type\":\"EVENT\",\"Id\":\"EvtEvtEvt123\",\"EventName\":\"aws:DELETE_MESSAGE\","
                        + "\"Attributes\":{\"MessageID\":\"MsgMsgMsg123\",\"MessageId\":\"MsgMsgMsg123\","
                        + "\"Reason\":\"spam\"},\"RequestId\":\"r-9\","
                        + "\"SendTime\":\"2023-01-05T14:33:32.894089757Z\"}");
    }

    @Test
    void encodesDisconnectUserEvent() {
        var frame = new ServerFrame.Event(
                "EvtEvtEvt123",
                ServerFrame.DISCONNECT_USER_EVENT,
                Map.of("UserId", "42"),
                Optional.empty(),
                Instant.parse("2023-01-05T14:33:32.100Z"));

        assertThat(encoder.encode(frame).text())
                .isEqualTo("{\"Type\":\"EVENT\",\"Id\":\"EvtEvtEvt123\",\"EventName\":\"aws:DISCONNECT_USER\","
                        + "\"Attributes\":{\"UserId\":\"42\"},\"RequestId\":\"\","
                        + "\"SendTime\":\"2023-01-05T14:33:32.1Z\"}");
    }

    @Test
    void encodesErrorWithNumericCode() {
        var frame = new ServerFrame.Error(
                "IG5mcmlvdGlv", Optional.of("497f"), ChatErrorCode.BAD_REQUEST, "Messages must be less than 240 chars");

        assertThat(encoder.encode(frame).text())
                .isEqualTo("{\"Type\":\"ERROR\",\"Id\":\"IG5mcmlvdGlv\",\"RequestId\":\"497f\",\"ErrorCode\":400,"
                        + "\"ErrorMessage\":\"Messages must be less than 240 chars\"}");
    }

    @Test
    void keepsAttributeInsertionOrder() {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("z", "1");
        attributes.put("a", "2");
        var frame = new ServerFrame.Event("EvtEvtEvt123", "app", attributes, Optional.empty(), SEND_TIME);

        assertThat(encoder.encode(frame).text()).contains("\"Attributes\":{\"z\":\"1\",\"a\":\"2\"}");
    }

    @Test
    void generatesTwelveCharacterAlphanumericIds() {
        IdGenerator ids = IdGenerator.secure();
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertThat(id).matches("[a-zA-Z0-9]{12}");
            assertThat(IdGenerator.isValid(id)).isTrue();
        }
        assertThat(IdGenerator.isValid("short")).isFalse();
        assertThat(IdGenerator.isValid("abcdefghijk!")).isFalse();
    }

    @Test
    void formatsLogTimeWithFixedMilliseconds() {
        assertThat(ChatTimes.logTime(Instant.parse("2023-01-05T14:33:32Z"))).isEqualTo("2023-01-05T14:33:32.000Z");
        assertThat(ChatTimes.logTime(SEND_TIME)).isEqualTo("2023-01-05T14:33:32.894Z");
    }
}
