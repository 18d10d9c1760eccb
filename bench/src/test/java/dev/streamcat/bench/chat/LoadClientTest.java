package dev.streamcat.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The load client's search for a frame's {@code "Content":"}, against {@link String#indexOf}. */
class LoadClientTest {
    private static final String NEEDLE = "\"Content\":\"";

    private static int search(String text, int length) {
        return LoadClient.indexOf(text.getBytes(StandardCharsets.ISO_8859_1), length);
    }

    @Test
    void findsTheContentOfAnIvsMessage() {
        String frame = "{\"Type\":\"MESSAGE\",\"Id\":\"abc\",\"RequestId\":\"\",\"Attributes\":{},"
                + "\"Content\":\"123456789\",\"SendTime\":\"2026-11-25T00:00:00.000Z\"}";
        assertThat(search(frame, frame.length())).isEqualTo(frame.indexOf(NEEDLE));
        assertThat(search(frame, frame.indexOf(NEEDLE) + NEEDLE.length() - 1)).isEqualTo(-1);
        assertThat(search("", 0)).isEqualTo(-1);
    }

    @Test
    void agreesWithStringIndexOfOnRandomText() {
        Random random = new Random(42);
        String alphabet = "\"Content:{}ton,";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                text.insert(random.nextInt(text.length() + 1), NEEDLE);
            }
            String s = text.toString();
            int length = random.nextInt(s.length() + 1);
            assertThat(search(s, length))
                    .as("%s, first %d bytes", s, length)
                    .isEqualTo(s.substring(0, length).indexOf(NEEDLE));
        }
    }
}
