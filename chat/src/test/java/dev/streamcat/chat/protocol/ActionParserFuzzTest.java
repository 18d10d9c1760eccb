package dev.streamcat.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded mutation fuzzing: whatever the input, the parser returns an action or throws a typed {@link ChatException}. */
class ActionParserFuzzTest {
    private static final List<String> SEEDS = List.of(
            "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r1\",\"Content\":\"hello 🐱\",\"Attributes\":{\"a\":\"b\"}}",
            "{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"AbCdEfGhIjKl\",\"Reason\":\"spam\"}",
            "{\"Action\":\"DISCONNECT_USER\",\"UserId\":\"42\",\"RequestId\":\"x\"}",
            "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"\\u00e9\\uD83D\\uDC31\",\"X\":[1,{\"y\":[true,null]}]}");
    private static final String ALPHABET = "{}[]\":,\\ \n\tuAaZz09-.eE+truefalsnl\u00e9\uD83D\uDC31\u0000";

    @Test
    void onlyTypedErrorsEscapeFromMutatedFrames() {
        var parser = new ActionParser(new ActionLimits(512, 50, 4, 64, 16, 16));
        var random = new Random(0x5EED_CA7L);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            String input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                parser.parse(input);
                parsed++;
            } catch (ChatException e) {
                assertThat(e.errorCode()).isIn(ChatErrorCode.BAD_REQUEST, ChatErrorCode.TOO_LARGE);
                rejected++;
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    private static String mutate(String seed, Random random) {
        var text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (!text.isEmpty()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (!text.isEmpty()) {
                        text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                case 3 -> text.insert(at, "[".repeat(random.nextInt(40)));
                default -> text.insert(at, "x".repeat(random.nextInt(600)));
            }
        }
        return text.toString();
    }
}
