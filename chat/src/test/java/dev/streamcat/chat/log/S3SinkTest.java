package dev.streamcat.chat.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3SinkTest {
    private static final Instant T0 = Instant.parse("2024-03-01T07:05:09Z");

    @TempDir
    Path root;

    @Test
    void writesGzipObjectsUnderTheIvsKeyLayout() throws Exception {
        var layout = S3Sink.Layout.of("chat-logs", "123456789012", "us-west-2");
        try (var sink = S3Sink.open(root, layout, InstantSource.fixed(T0), SinkOptions.defaults())) {
            sink.offer(LogFixtures.message("room1", T0, 1));
            sink.offer(LogFixtures.message("room1", T0, 2));
        }

        List<Path> objects = objects();
        assertThat(objects).hasSize(1);
        String key = root.resolve("s3/chat-logs").relativize(objects.getFirst()).toString();
        assertThat(key)
                .matches("AWSLogs/123456789012/IVSChatLogs/1.0/us-west-2/room_room1/2024/03/01/07/"
                        + "123456789012_IVSChatLogs_1.0_us-west-2_room_room1_20240301T0705Z_[0-9a-f]{8}\\.log\\.gz");
        List<String> lines = gunzipLines(objects.getFirst());
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst())
                .startsWith("{\"event_timestamp\":\"2024-03-01T07:05:09.000Z\",\"type\":\"MESSAGE\"");
    }

    @Test
    void rollsObjectsByRecordCount() throws Exception {
        var layout = new S3Sink.Layout("chat-logs", "123456789012", "us-west-2", Duration.ofHours(1), 10);
        try (var sink = S3Sink.open(root, layout, InstantSource.fixed(T0), SinkOptions.defaults())) {
            for (int i = 0; i < 25; i++) {
                sink.offer(LogFixtures.message("room1", T0, i));
            }
        }

        List<Path> objects = objects();
        assertThat(objects).hasSize(3);
        assertThat(objects.stream()
                        .mapToInt(object -> gunzipLines(object).size())
                        .sum())
                .isEqualTo(25);
    }

    @Test
    void rollsObjectsByAgeEvenWhenIdle() throws Exception {
        var now = new java.util.concurrent.atomic.AtomicReference<>(T0);
        InstantSource clock = now::get;
        var layout = new S3Sink.Layout("chat-logs", "123456789012", "us-west-2", Duration.ofSeconds(60), 1000);
        try (var sink = S3Sink.open(root, layout, clock, SinkOptions.defaults())) {
            sink.offer(LogFixtures.message("room1", T0, 1));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sink.stats().written() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            now.set(T0.plusSeconds(61));
            while (objects().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(objects()).hasSize(1);
        }
    }

    private List<Path> objects() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".log.gz"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> gunzipLines(Path object) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(object))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
