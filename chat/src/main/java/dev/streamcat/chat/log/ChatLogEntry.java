package dev.streamcat.chat.log;

import dev.streamcat.chat.protocol.FrameType;
import java.time.Instant;
import java.util.Objects;

/**
 * A log record read back by {@link ChatLogReader}: its {@code event_timestamp}, {@code type} and the raw JSON of its
 * {@code payload} (the frame exactly as clients received it).
 *
 * <p>Immutable; thread-safe.
 */
public record ChatLogEntry(Instant eventTimestamp, FrameType type, String payloadJson) {
    public ChatLogEntry {
        Objects.requireNonNull(eventTimestamp, "eventTimestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
