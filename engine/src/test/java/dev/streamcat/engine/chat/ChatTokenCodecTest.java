package dev.streamcat.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatTokenCodecTest {
    private static final byte[] KEY = new byte[32];
    private final ChatTokenCodec codec = new ChatTokenCodec(KEY);
    private final ChatTokenClaims claims = new ChatTokenClaims(
            "t1",
            "arn:aws:ivschat:us-west-2:123456789012:room/abc",
            "user-1",
            List.of("SEND_MESSAGE"),
            Map.of("username", "Ünïcode ✓"),
            Instant.parse("2026-11-25T12:01:00Z"),
            Instant.parse("2026-11-25T13:00:00Z"));

    @Test
    void sealsIntoSubprotocolSafeCharactersAndOpensAgain() {
        String token = codec.seal(claims);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(codec.open(token)).contains(claims);
        assertThat(codec.seal(claims)).as("a fresh nonce every time").isNotEqualTo(token);
    }

    @Test
    void refusesTamperedForeignAndGarbageTokens() {
        String token = codec.seal(claims);
        char[] chars = token.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertThat(codec.open(new String(chars))).isEmpty();
        byte[] otherKey = Arrays.copyOf(KEY, 32);
        otherKey[0] = 1;
        assertThat(new ChatTokenCodec(otherKey).open(token)).isEmpty();
        assertThat(codec.open("")).isEmpty();
        assertThat(codec.open("not base64 !!")).isEmpty();
        assertThat(codec.open("A".repeat(ChatTokenCodec.MAX_TOKEN_CHARS + 1))).isEmpty();
        assertThat(codec.open(token.substring(0, 10))).isEmpty();
    }
}
