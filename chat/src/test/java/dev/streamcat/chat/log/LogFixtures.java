package dev.streamcat.chat.log;

import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.protocol.FrameEncoder;
import dev.streamcat.chat.protocol.ServerFrame;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Builds log records for sink tests. */
final class LogFixtures {
    private static final FrameEncoder ENCODER = new FrameEncoder();

    private LogFixtures() {}

    static ChatLogRecord message(String roomId, Instant at, int n) {
        String id = String.format("Msg%09d", n);
        EncodedFrame frame = ENCODER.encode(new ServerFrame.Message(
                id, Optional.empty(), "message " + n, Map.of(), at, new ServerFrame.Sender("u" + n, Map.of())));
        return new ChatLogRecord(roomId, at, frame);
    }
}
