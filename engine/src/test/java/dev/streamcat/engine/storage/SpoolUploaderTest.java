package dev.streamcat.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcat.chat.log.ChatLogRecord;
import dev.streamcat.chat.log.S3Sink;
import dev.streamcat.chat.log.SinkOptions;
import dev.streamcat.chat.protocol.FrameEncoder;
import dev.streamcat.chat.protocol.ServerFrame;
import dev.streamcat.engine.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads from the spool to a real S3-compatible server (S3Proxy, SigV4), read back with the AWS SDK. */
class SpoolUploaderTest {
    private static final String BUCKET = "chat-logs";
    private static final String ACCOUNT = "123456789012";
    private static final SpoolUploader.Settings FAST =
            new SpoolUploader.Settings(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path spool;

    @Test
    void uploadsEachFinishedObjectUnderItsIvsKeyAndDeletesIt() throws Exception {
        try (var server = S3ProxyServer.started(BUCKET);
                var uploader = SpoolUploader.start(spool, server.endpoint(), FAST)) {
            writeObjects(uploader, List.of("room1"), 3);

            Poll.until(
                    WAIT, "the object in the bucket", () -> server.keys(BUCKET).size() == 1);
            String key = server.keys(BUCKET).getFirst();
            assertThat(key)
                    .matches(
                            "AWSLogs/123456789012/IVSChatLogs/1.0/us-west-2/room_room1/\\d{4}/\\d{2}/\\d{2}/\\d{2}/"
                                    + "123456789012_IVSChatLogs_1.0_us-west-2_room_room1_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz");
            List<String> lines = server.gunzippedLines(BUCKET, key);
            assertThat(lines).hasSize(3);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode record = JSON.readTree(lines.get(i));
                assertThat(record.get("type").asText()).isEqualTo("MESSAGE");
                assertThat(record.get("version").asText()).isEqualTo("1.0");
                assertThat(record.get("event_timestamp").asText()).endsWith("Z");
                assertThat(record.get("payload").get("Content").asText()).isEqualTo("message " + i);
            }
            Poll.until(WAIT, "the spool emptied", () -> finishedFiles().isEmpty());
            assertThat(uploader.stats().uploaded()).isEqualTo(1);
            assertThat(uploader.stats().pending()).isZero();
        }
    }

    @Test
    void retriesUntilTheEndpointComesUp() throws Exception {
        try (var server = S3ProxyServer.reserved();
                var uploader = SpoolUploader.start(spool, server.endpoint(), FAST)) {
            server.createBucket(BUCKET);
            writeObjects(uploader, List.of("room1"), 2);

            Poll.until(WAIT, "failed attempts", () -> uploader.stats().failedAttempts() >= 3);
            assertThat(finishedFiles()).hasSize(1);
            assertThat(uploader.stats().pending()).isEqualTo(1);
            assertThat(uploader.stats().lastFailure()).hasValueSatisfying(failure -> assertThat(failure)
                    .startsWith("s3://chat-logs/AWSLogs/123456789012/IVSChatLogs/1.0/us-west-2/room_room1/"));

            server.start();
            Poll.until(
                    WAIT, "the object in the bucket", () -> server.keys(BUCKET).size() == 1);
            Poll.until(WAIT, "the spool emptied", () -> finishedFiles().isEmpty());
            assertThat(server.gunzippedLines(BUCKET, server.keys(BUCKET).getFirst()))
                    .hasSize(2);
            assertThat(uploader.stats().uploaded()).isEqualTo(1);
            assertThat(uploader.stats().pending()).isZero();
        }
    }

    @Test
    void uploadsWhatAnEarlierRunLeftInTheSpool() throws Exception {
        try (var server = S3ProxyServer.reserved()) {
            server.createBucket(BUCKET);
            try (var uploader = SpoolUploader.start(spool, server.endpoint(), FAST)) {
                writeObjects(uploader, List.of("room1", "room2"), 2);
                Poll.until(WAIT, "failed attempts", () -> uploader.stats().failedAttempts() >= 2);
            }
            assertThat(finishedFiles()).hasSize(2);
            Path unfinished = spool.resolve(BUCKET).resolve("AWSLogs/crashed.log.gz.part");
            Files.writeString(unfinished, "still being written when the process died");

            server.start();
            try (var restarted = SpoolUploader.start(spool, server.endpoint(), FAST)) {
                Poll.until(
                        WAIT,
                        "both objects in the bucket",
                        () -> server.keys(BUCKET).size() == 2);
                Poll.until(WAIT, "the spool emptied", () -> finishedFiles().isEmpty());
                assertThat(server.keys(BUCKET))
                        .anyMatch(key -> key.contains("/room_room1/"))
                        .anyMatch(key -> key.contains("/room_room2/"));
                assertThat(restarted.stats().uploaded()).isEqualTo(2);
            }
            assertThat(unfinished).exists();
        }
    }

    @Test
    void closeMakesALastAttemptAtEveryPendingObject() throws Exception {
        var slowRetries = new SpoolUploader.Settings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(10));
        try (var server = S3ProxyServer.reserved()) {
            server.createBucket(BUCKET);
            var uploader = SpoolUploader.start(spool, server.endpoint(), slowRetries);
            writeObjects(uploader, List.of("room1", "room2", "room3"), 1);
            Poll.until(WAIT, "a failed attempt each", () -> uploader.stats().failedAttempts() >= 3);

            server.start();
            uploader.close();

            assertThat(server.keys(BUCKET)).hasSize(3);
            assertThat(finishedFiles()).isEmpty();
            assertThat(uploader.stats().uploaded()).isEqualTo(3);
        }
    }

    @Test
    void refusedCredentialsAreCountedAndTheObjectKept() throws Exception {
        try (var server = S3ProxyServer.started(BUCKET);
                var uploader = SpoolUploader.start(spool, server.endpoint("not-the-secret-key"), FAST)) {
            writeObjects(uploader, List.of("room1"), 1);

            Poll.until(WAIT, "failed attempts", () -> uploader.stats().failedAttempts() >= 2);
            assertThat(uploader.stats().lastFailure())
                    .hasValueSatisfying(failure -> assertThat(failure).contains("403"));
            assertThat(server.keys(BUCKET)).isEmpty();
            assertThat(finishedFiles()).hasSize(1);
        }
    }

    @Test
    void rejectsBadEndpointSettings() {
        assertThatThrownBy(() -> S3Endpoint.parseUrl("ftp://127.0.0.1:9000"))
                .hasMessage("must be an http:// or https:// URL (got 'ftp://127.0.0.1:9000')");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("127.0.0.1:9000"))
                .hasMessage("must be an http:// or https:// URL (got '127.0.0.1:9000')");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("http://127.0.0.1:9000/chat-logs"))
                .hasMessageStartingWith("must be a base URL without path, query or fragment");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("http://127.0.0.1:9000?x=1"))
                .hasMessageStartingWith("must be a base URL without path, query or fragment");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("http://key:secret@127.0.0.1:9000"))
                .hasMessage("must not carry credentials in the URL (got 'http://***@127.0.0.1')");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("http:///nohost")).hasMessageStartingWith("has no host");
        assertThatThrownBy(() -> S3Endpoint.parseUrl("http://a b")).hasMessageStartingWith("is not a valid URL");
        assertThatThrownBy(() -> new S3Endpoint(URI.create("http://127.0.0.1:9000"), "US East", Optional.empty(), true))
                .hasMessage("region must look like us-east-1 (got 'US East')");
        assertThat(S3Endpoint.parseUrl(" https://s3.example.com/ ")).isEqualTo(URI.create("https://s3.example.com/"));
        assertThat(new S3Endpoint.Credentials("AKID", "very-secret").toString()).doesNotContain("very-secret");
    }

    /** One finished object per room through the real sink (its key layout), handed to the uploader on finish. */
    private void writeObjects(SpoolUploader uploader, List<String> rooms, int recordsEach) {
        var layout = S3Sink.Layout.of(BUCKET, ACCOUNT, "us-west-2");
        var encoder = new FrameEncoder();
        Instant now = Instant.now();
        try (var sink =
                S3Sink.spooling(spool, layout, InstantSource.system(), SinkOptions.defaults(), uploader::submit)) {
            for (String room : rooms) {
                for (int i = 0; i < recordsEach; i++) {
                    var frame = encoder.encode(new ServerFrame.Message(
                            "Msg" + room + i,
                            Optional.empty(),
                            "message " + i,
                            Map.of(),
                            now,
                            new ServerFrame.Sender("user" + i, Map.of())));
                    assertThat(sink.offer(new ChatLogRecord(room, now, frame))).isTrue();
                }
            }
        }
    }

    private List<Path> finishedFiles() {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(file -> file.toString().endsWith(".log.gz")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
