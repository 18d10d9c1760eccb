package dev.streamcat.chat.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.chat.protocol.FrameType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudWatchLogsSinkTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final String GROUP = "streamcat-chat-log-group";

    @TempDir
    Path root;

    @Test
    void writesIvsRecordsThatSurviveClose() throws Exception {
        try (var sink = CloudWatchLogsSink.open(root, GROUP, Duration.ofSeconds(1), SinkOptions.defaults())) {
            assertThat(sink.offer(LogFixtures.message("room1", T0, 1))).isTrue();
        }

        Path file = root.resolve("cloudwatch/streamcat-chat-log-group/aws/IVSChatLogs/1.0/room_room1.jsonl");
        assertThat(Files.readString(file))
                .isEqualTo("{\"event_timestamp\":\"2024-03-01T12:00:00.000Z\",\"type\":\"MESSAGE\",\"version\":\"1.0\","
                        + "\"payload\":{\"Type\":\"MESSAGE\",\"Id\":\"Msg000000001\",\"RequestId\":\"\","
                        + "\"Content\":\"message 1\",\"Attributes\":{},\"SendTime\":\"2024-03-01T12:00:00Z\","
                        + "\"Sender\":{\"UserId\":\"u1\",\"Attributes\":{}}}}\n");
        assertThat(CloudWatchLogsSink.logFile(root, GROUP, "room1")).isEqualTo(file);
    }

    @Test
    void readerReturnsTheRecordsBetweenTwoInstants() throws Exception {
        var sink = CloudWatchLogsSink.open(root, GROUP, Duration.ofSeconds(1), SinkOptions.defaults());
        for (int i = 0; i < 2000; i++) {
            sink.offer(LogFixtures.message("room1", T0.plusMillis(i * 10L), i));
            sink.offer(LogFixtures.message("room2", T0.plusMillis(i * 10L), i));
        }
        sink.close();
        assertThat(sink.stats().written()).isEqualTo(4000);
        var reader = new ChatLogReader(root);

        List<ChatLogEntry> window = reader.read(GROUP, "room1", T0.plusMillis(5_005), T0.plusMillis(5_100), 100);

        assertThat(window).hasSize(9);
        assertThat(window.getFirst().eventTimestamp()).isEqualTo(T0.plusMillis(5_010));
        assertThat(window.getFirst().type()).isEqualTo(FrameType.MESSAGE);
        assertThat(window.getFirst().payloadJson()).startsWith("{\"Type\":\"MESSAGE\",\"Id\":\"Msg000000501\"");
        assertThat(window.getLast().eventTimestamp()).isEqualTo(T0.plusMillis(5_090));
        assertThat(reader.read(GROUP, "room1", T0.minusSeconds(1), T0.plusSeconds(60), 10_000))
                .hasSize(2000);
        assertThat(reader.read(GROUP, "room1", T0, T0.plusSeconds(60), 5)).hasSize(5);
        assertThat(reader.read(GROUP, "room1", T0.plusSeconds(30), T0.plusSeconds(60), 10))
                .isEmpty();
        assertThat(reader.read(GROUP, "absent", T0, T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void readerSkipsATrailingPartialLine() throws Exception {
        try (var sink = CloudWatchLogsSink.open(root, GROUP, Duration.ofSeconds(1), SinkOptions.defaults())) {
            sink.offer(LogFixtures.message("room1", T0, 1));
            sink.offer(LogFixtures.message("room1", T0.plusSeconds(1), 2));
        }
        Files.writeString(
                CloudWatchLogsSink.logFile(root, GROUP, "room1"),
                "{\"event_timestamp\":\"2024-03-01T12:00:0",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(new ChatLogReader(root).read(GROUP, "room1", T0, T0.plusSeconds(10), 10))
                .hasSize(2);
    }

    @Test
    void dropsAndCountsWhenTheQueueIsFullOrClosed() throws Exception {
        var sink = CloudWatchLogsSink.open(
                root, GROUP, Duration.ofSeconds(1), new SinkOptions(1, 1, Duration.ofSeconds(5)));
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            accepted += sink.offer(LogFixtures.message("room1", T0, i)) ? 1 : 0;
        }
        sink.close();

        assertThat(sink.offer(LogFixtures.message("room1", T0, 1))).isFalse();
        assertThat(sink.stats().accepted()).isEqualTo(accepted);
        assertThat(sink.stats().dropped()).isEqualTo(10_001 - accepted);
        assertThat(Files.readAllLines(CloudWatchLogsSink.logFile(root, GROUP, "room1")))
                .hasSize(accepted);
    }

    @Test
    void rejectsLogGroupNamesThatEscapeTheRoot() {
        assertThatThrownBy(() -> CloudWatchLogsSink.logFile(root, "../etc", "room1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudWatchLogsSink.logFile(root, "/abs", "room1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
