package dev.streamcat.chat.log;

import dev.streamcat.chat.protocol.ChatTimes;
import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.protocol.FrameType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One IVS chat log record: {@code {"event_timestamp":"<UTC ISO ms>","type":"MESSAGE"|"EVENT","version":"1.0",
 * "payload":<the exact frame clients received>}} for a room. ERROR frames are never logged.
 *
 * <p>Immutable; thread-safe.
 */
public record ChatLogRecord(String roomId, Instant eventTimestamp, EncodedFrame payload) {
    /** Log format version. */
    public static final String VERSION = "1.0";

    private static final Pattern ROOM_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public ChatLogRecord {
        Objects.requireNonNull(roomId, "roomId");
        if (!ROOM_ID.matcher(roomId).matches()) {
            throw new IllegalArgumentException("room id must match " + ROOM_ID + ": " + roomId);
        }
        Objects.requireNonNull(eventTimestamp, "eventTimestamp");
        Objects.requireNonNull(payload, "payload");
        if (payload.type() == FrameType.ERROR) {
            throw new IllegalArgumentException("ERROR frames are not logged");
        }
    }

    /** {@code MESSAGE} or {@code EVENT}. */
    public FrameType type() {
        return payload.type();
    }

    /** The record as one line of UTF-8 JSON, without the line terminator. */
    public byte[] toJson() {
        byte[] head = ("{\"event_timestamp\":\"" + ChatTimes.logTime(eventTimestamp) + "\",\"type\":\""
                        + payload.type().name() + "\",\"version\":\"" + VERSION + "\",\"payload\":")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + payload.size() + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        payload.buffer().get(line, head.length, payload.size());
        line[line.length - 1] = '}';
        return line;
    }

    /** {@link #toJson()} followed by {@code '\n'}. */
    byte[] toJsonLine() {
        byte[] json = toJson();
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }
}
