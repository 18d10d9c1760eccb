package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.api.ivschat.CloudWatchLogsDestinationConfiguration;
import dev.streamcat.api.ivschat.CreateLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.DestinationConfiguration;
import dev.streamcat.api.ivschat.S3DestinationConfiguration;
import dev.streamcat.chat.log.ChatLogEntry;
import dev.streamcat.chat.protocol.FrameType;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat logs on disk survive an engine restart, are readable through the replay path, and shutdown closes with 1001. */
class ChatGatewayLoggingTest {
    @TempDir
    Path databaseDir;

    @Test
    void logsSurviveRestartAndReplayThroughTheEngine() throws Exception {
        try (var fixture = EngineFixture.on(TestDatabases.h2File(databaseDir))) {
            var chat = fixture.engine().ivsChat();
            String cloudWatch = chat.createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                            "cw",
                            new DestinationConfiguration(
                                    null, new CloudWatchLogsDestinationConfiguration("streamcat/chat"), null),
                            Map.of()))
                    .arn();
            String s3 = chat.createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                            "s3",
                            new DestinationConfiguration(new S3DestinationConfiguration("chat-bucket"), null, null),
                            Map.of()))
                    .arn();
            var rooms = new ChatRooms(chat);
            String room = rooms.room(null, null, null, List.of(cloudWatch, s3));
            Instant before = fixture.clock().instant().minusSeconds(1);
            String messageId;
            try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", ChatRooms.ALL))) {
                alice.send("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"for the record\"}");
                messageId = alice.next().get("Id").asText();
                fixture.engine().chatGateway().messaging().sendEvent(room, "app:note", Map.of("a", "b"));
                alice.next();
                fixture.restart();
                assertThat(alice.awaitClose(5)).isEqualTo(new ChatTestClient.Close(1001, "Server shutting down"));
            }
            Path roomId = Path.of(room.substring(room.lastIndexOf('/') + 1));
            assertThat(fixture.dataDir()
                            .resolve("chat-logs/cloudwatch/streamcat/chat/aws/IVSChatLogs/1.0/room_" + roomId
                                    + ".jsonl"))
                    .exists();
            try (Stream<Path> files = Files.walk(fixture.dataDir().resolve("chat-logs/s3/chat-bucket"))) {
                assertThat(files.filter(file -> file.toString().endsWith(".log.gz")))
                        .isNotEmpty();
            }

            Instant after = fixture.clock().instant().plus(Duration.ofSeconds(1));
            List<ChatLogEntry> history = fixture.engine().chatHistory(room, before, after, 100);
            assertThat(history).extracting(ChatLogEntry::type).containsExactly(FrameType.MESSAGE, FrameType.EVENT);
            assertThat(history.get(0).payloadJson()).contains("\"Id\":\"" + messageId + "\"", "for the record");
            assertThat(history.get(1).payloadJson()).contains("app:note");
            assertThat(fixture.engine().chatHistory(room, after, after.plusSeconds(60), 100))
                    .isEmpty();
        }
    }
}
