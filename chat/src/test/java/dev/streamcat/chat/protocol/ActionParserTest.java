package dev.streamcat.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionParserTest {
    private final ActionParser parser = new ActionParser(ActionLimits.defaults());

    @Test
    void parsesSdkSendMessage() {
        ClientAction action = parser.parse("{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"5a2f0d5e-1c1b\","
                + "\"Content\":\"hello\",\"Attributes\":{\"color\":\"red\"}}");

        assertThat(action)
                .isEqualTo(new ClientAction.SendMessage("hello", Map.of("color", "red"), Optional.of("5a2f0d5e-1c1b")));
        assertThat(action.requiredCapability()).isEqualTo(Capability.SEND_MESSAGE);
    }

    @Test
    void acceptsStreamCatFramesWithoutRequestId() {
        assertThat(parser.parse("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"[joined chat]\"}"))
                .isEqualTo(new ClientAction.SendMessage("[joined chat]", Map.of(), Optional.empty()));
        assertThat(parser.parse("{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"AbCdEfGhIjKl\"}"))
                .isEqualTo(new ClientAction.DeleteMessage("AbCdEfGhIjKl", Optional.empty(), Optional.empty()));
        assertThat(parser.parse("{\"Action\":\"DISCONNECT_USER\",\"UserId\":\"42\"}"))
                .isEqualTo(new ClientAction.DisconnectUser("42", Optional.empty(), Optional.empty()));
    }

    @Test
    void parsesReasonsAndIgnoresUnknownFields() {
        ClientAction action = parser.parse("{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"AbCdEfGhIjKl\",\"Reason\":\"spam\","
                + "\"RequestId\":\"r1\",\"Extra\":{\"nested\":[1,2,{\"x\":null}]}}");

        assertThat(action)
                .isEqualTo(new ClientAction.DeleteMessage("AbCdEfGhIjKl", Optional.of("spam"), Optional.of("r1")));
    }

    @Test
    void treatsNullOptionalFieldsAsAbsent() {
        assertThat(parser.parse(
                        "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"hi\",\"Attributes\":null," + "\"RequestId\":null}"))
                .isEqualTo(new ClientAction.SendMessage("hi", Map.of(), Optional.empty()));
    }

    @Test
    void rejectsMalformedJsonWith400() {
        assertCode("{\"Action\":", ChatErrorCode.BAD_REQUEST);
        assertCode("[]", ChatErrorCode.BAD_REQUEST);
        assertCode("", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\"} trailing", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\",\"Content\":\"b\"}", ChatErrorCode.BAD_REQUEST);
    }

    @Test
    void rejectsInvalidRequestsWith400AndEchoesRequestId() {
        ChatException missing = parse("{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r7\"}");
        assertThat(missing.errorCode()).isEqualTo(ChatErrorCode.BAD_REQUEST);
        assertThat(missing.requestId()).contains("r7");

        assertCode("{\"Content\":\"hi\"}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_EVENT\",\"Content\":\"hi\"}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"\"}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":42}", ChatErrorCode.BAD_REQUEST);
        assertCode(
                "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\",\"Attributes\":{\"n\":1}}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\",\"Attributes\":[]}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"DELETE_MESSAGE\"}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"Action\":\"DISCONNECT_USER\",\"UserId\":\"\"}", ChatErrorCode.BAD_REQUEST);
        assertCode("{\"action\":\"SEND_MESSAGE\",\"content\":\"hi\"}", ChatErrorCode.BAD_REQUEST);
    }

    @Test
    void rejectsOversizedFieldsWith413() {
        ChatException tooLong =
                parse("{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r8\",\"Content\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.errorCode()).isEqualTo(ChatErrorCode.TOO_LARGE);
        assertThat(tooLong.requestId()).contains("r8");

        assertCode(
                "{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"a\",\"Reason\":\"" + "r".repeat(257) + "\"}",
                ChatErrorCode.TOO_LARGE);
        assertCode("{\"Action\":\"DISCONNECT_USER\",\"UserId\":\"" + "u".repeat(129) + "\"}", ChatErrorCode.TOO_LARGE);
        assertCode(
                "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\",\"Attributes\":{\"k\":\"" + "v".repeat(1024) + "\"}}",
                ChatErrorCode.TOO_LARGE);
        var many = new StringBuilder("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"a\",\"Attributes\":{");
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertCode(many.append("}}").toString(), ChatErrorCode.TOO_LARGE);
    }

    @Test
    void rejectsFramesOverTheByteLimitBeforeParsing() {
        var small = new ActionParser(new ActionLimits(64, 500, 32, 1024, 128, 256));
        String frame = "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + "é".repeat(20) + "\"}";
        assertThat(frame.length()).isLessThan(64);

        ChatException error = catchThrowableOfType(ChatException.class, () -> small.parse(frame));

        assertThat(error.errorCode()).isEqualTo(ChatErrorCode.TOO_LARGE);
    }

    @Test
    void countsContentInCodePointsNotChars() {
        String emoji = "🐱".repeat(500); // 1000 UTF-16 chars, 500 code points
        assertThat(parser.parse("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + emoji + "\"}"))
                .isInstanceOf(ClientAction.SendMessage.class);
        assertCode("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + emoji + "🐱\"}", ChatErrorCode.TOO_LARGE);
        String escaped = "\\uD83D\\uDC31".repeat(500);
        assertThat(parser.parse("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + escaped + "\"}"))
                .isInstanceOf(ClientAction.SendMessage.class);
    }

    private ChatException parse(String frame) {
        ChatException error = catchThrowableOfType(ChatException.class, () -> parser.parse(frame));
        assertThat(error).as("error for %s", frame).isNotNull();
        return error;
    }

    private void assertCode(String frame, ChatErrorCode code) {
        assertThat(parse(frame).errorCode()).as("code for %s", frame).isEqualTo(code);
    }
}
