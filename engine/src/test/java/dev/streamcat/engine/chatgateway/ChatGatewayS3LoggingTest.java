package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcat.api.ivschat.CreateLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.DestinationConfiguration;
import dev.streamcat.api.ivschat.S3DestinationConfiguration;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.engine.Poll;
import dev.streamcat.engine.storage.S3ProxyServer;
import dev.streamcat.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A room with an {@code s3} logging configuration, on an engine configured with an S3-compatible endpoint (S3Proxy):
 * what is said over the chat gateway lands in the bucket under the IVS key layout, when an object rolls and at
 * shutdown, and nothing stays behind on local disk.
 */
class ChatGatewayS3LoggingTest {
    private static final String BUCKET = "chat-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path databaseDir;

    @Test
    void uploadsRoomLogsToTheBucketWhenObjectsRollAndAtShutdown() throws Exception {
        try (var s3 = S3ProxyServer.started(BUCKET);
                var fixture = EngineFixture.on(
                        TestDatabases.h2File(databaseDir),
                        ChatGatewayConfig.defaults().withS3(s3.endpoint()))) {
            var chat = fixture.engine().ivsChat();
            String logging = chat.createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                            "s3",
                            new DestinationConfiguration(new S3DestinationConfiguration(BUCKET), null, null),
                            Map.of()))
                    .arn();
            var rooms = new ChatRooms(chat);
            String room = rooms.room(null, null, null, List.of(logging));
            String roomId = room.substring(room.lastIndexOf('/') + 1);
            try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", ChatRooms.ALL))) {
                alice.send("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"to the bucket\"}");
                String messageId = alice.next().get("Id").asText();
                fixture.engine().chatGateway().messaging().sendEvent(room, "app:note", Map.of("a", "b"));
                alice.next();

                // Past the 60 s roll interval. The event may still be queued when the object rolls, so it can land
                // in the next object: what matters is that every record ends up in the bucket exactly once.
                fixture.clock().advance(Duration.ofSeconds(61));
                Poll.until(Duration.ofSeconds(20), "the rolled object in the bucket", () -> !s3.keys(BUCKET)
                        .isEmpty());
                List<JsonNode> rolled = records(s3, s3.keys(BUCKET).getFirst());
                assertThat(rolled.getFirst().get("type").asText()).isEqualTo("MESSAGE");
                assertThat(rolled.getFirst().get("payload").get("Id").asText()).isEqualTo(messageId);
                Poll.until(
                        Duration.ofSeconds(5),
                        "the upload counted",
                        () -> fixture.engine()
                                        .chatGateway()
                                        .logUploads()
                                        .orElseThrow()
                                        .uploaded()
                                >= 1);

                alice.send("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"said at shutdown\"}");
                alice.next();
                fixture.restart(); // no waiting: open objects are finished and uploaded before close returns
                assertThat(alice.awaitClose(5)).isEqualTo(new ChatTestClient.Close(1001, "Server shutting down"));
            }

            List<String> keys = s3.keys(BUCKET);
            assertThat(keys).hasSize(2); // the rolled object, and the one finished at shutdown
            for (String key : keys) {
                assertThat(key)
                        .matches("AWSLogs/" + EngineFixture.ACCOUNT + "/IVSChatLogs/1.0/" + EngineFixture.REGION
                                + "/room_" + roomId + "/\\d{4}/\\d{2}/\\d{2}/\\d{2}/" + EngineFixture.ACCOUNT
                                + "_IVSChatLogs_1.0_" + EngineFixture.REGION + "_room_" + roomId
                                + "_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz");
            }
            List<JsonNode> all =
                    keys.stream().flatMap(key -> records(s3, key).stream()).toList();
            assertThat(all)
                    .extracting(
                            r -> r.get("type").asText() + " " + r.get("version").asText() + " "
                                    + r.get("payload").path("Content").asText()
                                    + r.get("payload").path("EventName").asText())
                    .containsExactlyInAnyOrder(
                            "MESSAGE 1.0 to the bucket", "EVENT 1.0 app:note", "MESSAGE 1.0 said at shutdown");
            assertThat(finishedFiles(fixture.dataDir().resolve("chat-logs"))).isEmpty();
            assertThat(fixture.dataDir().resolve("chat-logs/s3")).doesNotExist();
        }
    }

    private static List<JsonNode> records(S3ProxyServer s3, String key) {
        return s3.gunzippedLines(BUCKET, key).stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private static List<Path> finishedFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".log.gz")).toList();
        }
    }
}
