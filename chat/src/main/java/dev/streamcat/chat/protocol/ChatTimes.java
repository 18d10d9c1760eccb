package dev.streamcat.chat.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The time formats of IVS Chat: {@code SendTime} (RFC 3339 UTC, up to nanoseconds, trailing zeros trimmed like Go's
 * {@code RFC3339Nano}, e.g. {@code 2023-01-05T14:33:32.894089757Z}) and the log {@code event_timestamp} (ISO UTC with
 * exactly three fraction digits, so that log lines sort lexically in time order).
 *
 * <p>Stateless; thread-safe.
 */
public final class ChatTimes {
    private static final DateTimeFormatter SEND_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LOG_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private ChatTimes() {}

    /** {@code SendTime} of a frame. */
    public static String sendTime(Instant instant) {
        return SEND_TIME.format(instant);
    }

    /** {@code event_timestamp} of a log record (millisecond precision, fixed width). */
    public static String logTime(Instant instant) {
        return LOG_TIME.format(instant);
    }

    /** Parses an {@code event_timestamp} or any ISO-8601 UTC instant. */
    public static Instant parse(CharSequence text) {
        return Instant.parse(text);
    }
}
