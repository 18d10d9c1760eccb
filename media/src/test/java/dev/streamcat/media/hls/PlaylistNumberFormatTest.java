package dev.streamcat.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The renderer's hand-written number and date formatting against the JDK's formatters. */
class PlaylistNumberFormatTest {
    private final SplittableRandom random = new SplittableRandom(20261126);

    @Test
    void secondsAreRoundedDownToFivePlacesWithTrailingZerosTrimmed() {
        assertThat(MediaPlaylistRenderer.seconds(Duration.ZERO)).isEqualTo("0.0");
        assertThat(MediaPlaylistRenderer.seconds(Duration.ofSeconds(2))).isEqualTo("2.0");
        assertThat(MediaPlaylistRenderer.seconds(Duration.ofMillis(333))).isEqualTo("0.333");
        assertThat(MediaPlaylistRenderer.seconds(Duration.ofMillis(50))).isEqualTo("0.05");
        assertThat(MediaPlaylistRenderer.seconds(Duration.ofNanos(1_001_239_999)))
                .isEqualTo("1.00123");
        assertThat(MediaPlaylistRenderer.seconds(Duration.ofNanos(9_999))).isEqualTo("0.0");
        for (int i = 0; i < 100_000; i++) {
            long nanos = random.nextLong(i % 2 == 0 ? 10_000_000_000L : 100_000_000_000_000L);
            String expected = BigDecimal.valueOf(nanos, 9)
                    .setScale(5, RoundingMode.DOWN)
                    .stripTrailingZeros()
                    .toPlainString();
            expected = expected.contains(".") ? expected : expected + ".0";
            assertThat(MediaPlaylistRenderer.seconds(Duration.ofNanos(nanos)))
                    .as("%d ns", nanos)
                    .isEqualTo(expected);
        }
    }

    @Test
    void instantsMatchIsoInstant() {
        Instant[] edges = {
            Instant.EPOCH,
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2026-11-26T03:04:05.006Z"),
            Instant.parse("2026-11-26T03:04:05.000006Z"),
            Instant.parse("2026-11-26T03:04:05.000000006Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59Z"),
        };
        for (Instant t : edges) {
            assertFormatted(t);
        }
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            assertFormatted(Instant.ofEpochSecond(random.nextLong(max), nanos));
        }
    }

    private static void assertFormatted(Instant t) {
        assertThat(MediaPlaylistRenderer.appendInstant(new StringBuilder(), t).toString())
                .as("%s", t)
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t));
    }
}
