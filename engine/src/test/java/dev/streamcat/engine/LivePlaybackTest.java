package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.media.hls.BlockingTarget;
import dev.streamcat.media.hls.Part;
import dev.streamcat.media.hls.PlaylistSnapshot;
import dev.streamcat.media.hls.Segment;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** LL-HLS delivery of a live ffmpeg stream: players' view (ffprobe, ffmpeg) and the HTTP rules. */
@ExtendWith(NettyLeakDetectionExtension.class)
class LivePlaybackTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EngineFixture fixture;
    private static CreateChannelResponse channel;
    private static FfmpegPublisher publisher;
    private static LiveStream stream;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.require("ffmpeg");
        fixture = EngineFixture.on(TestDatabases.h2InMemory(), LiveVideoConfig.rtmp(0));
        LiveIngestTest.fixtureOverride(fixture);
        channel = LiveIngestTest.newChannel();
        publisher = FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 120);
        stream = awaitLive(channel.channel().arn());
    }

    @AfterAll
    static void stop() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        LiveIngestTest.fixtureOverride(null);
        if (fixture != null) {
            fixture.close();
        }
    }

    static LiveStream awaitLive(String arn) throws Exception {
        Poll.until(
                Duration.ofSeconds(20),
                "stream live",
                () -> fixture.engine().streams().live(arn).isPresent());
        LiveStream live = fixture.engine().streams().live(arn).orElseThrow();
        Poll.until(Duration.ofSeconds(20), "playlist ready", () -> live.playlist()
                .snapshot()
                .ready());
        return live;
    }

    static String playbackUrl(CreateChannelResponse c) {
        return fixture.endpoint() + URI.create(c.channel().playbackUrl()).getPath();
    }

    private static String mediaUrl(LiveStream s, String name) {
        String path = URI.create(s.channel().playbackUrl()).getPath();
        return fixture.endpoint() + path.substring(0, path.length() - ".m3u8".length()) + "/" + s.streamId() + "/"
                + name;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Process run(List<String> command, Path log) throws Exception {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    @Test
    void ffprobeAndFfmpegReadTheStreamFromThePlaybackUrl() throws Exception {
        Path ffprobe = ExternalTools.require("ffprobe");
        Path ffmpeg = ExternalTools.require("ffmpeg");
        CreateChannelResponse own = LiveIngestTest.newChannel();
        LiveStream live;
        try (var source =
                FfmpegPublisher.publish(fixture.rtmpUrl(own.streamKey().value()), 6)) {
            live = awaitLive(own.channel().arn());
            LiveStream probed = live;
            Poll.until(
                    Duration.ofSeconds(10),
                    "a complete segment",
                    () -> !probed.playlist().snapshot().segments().isEmpty());
            Path probeLog = Files.createTempFile("ffprobe", ".json");
            Process probe = run(
                    List.of(
                            ffprobe.toString(),
                            "-v",
                            "error",
                            "-show_entries",
                            "stream=codec_name,width,height",
                            "-of",
                            "json",
                            playbackUrl(own)),
                    probeLog);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            JsonNode streams =
                    EngineJson.MAPPER.readTree(Files.readString(probeLog)).get("streams");
            List<String> codecs = new ArrayList<>();
            streams.forEach(s -> codecs.add(s.get("codec_name").asText()));
            assertThat(codecs).as(Files.readString(probeLog)).contains("h264", "aac");
            assertThat(source.exitCode(30)).isZero();
        }
        Poll.until(Duration.ofSeconds(10), "ENDLIST", () -> live.playlist()
                .snapshot()
                .ended());
        assertThat(get(playbackUrl(own)).statusCode()).as("offline channel").isEqualTo(404);

        Path durationLog = Files.createTempFile("ffprobe", ".json");
        Process duration = run(
                List.of(
                        ffprobe.toString(),
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration",
                        "-of",
                        "json",
                        mediaUrl(live, "media.m3u8")),
                durationLog);
        assertThat(duration.waitFor(60, TimeUnit.SECONDS)).isTrue();
        double seconds = EngineJson.MAPPER
                .readTree(Files.readString(durationLog))
                .get("format")
                .get("duration")
                .asDouble();
        assertThat(seconds).isBetween(4.0, 7.0);

        Path decodeLog = Files.createTempFile("ffmpeg-decode", ".log");
        Process decode = run(
                List.of(
                        ffmpeg.toString(),
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        mediaUrl(live, "media.m3u8"),
                        "-f",
                        "null",
                        "-"),
                decodeLog);
        assertThat(decode.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(decodeLog)).as("decode errors").isBlank();
        assertThat(decode.exitValue()).isZero();
    }

    @Test
    void blockingReloadWaitsForTheNextPartAndWakesWhenItAppears() throws Exception {
        BlockingTarget.PartReady last = stream.playlist().snapshot().lastPart().orElseThrow();
        long msn = last.msn();
        int next = last.part() + 1;
        long started = System.nanoTime();
        HttpResponse<byte[]> response = get(mediaUrl(stream, "media.m3u8") + "?_HLS_msn=" + msn + "&_HLS_part=" + next);
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(waitedMs).isLessThan(2_000);
        assertThat(stream.playlist().snapshot().partAvailable(msn, next)).isTrue();
        assertThat(text(response)).contains("#EXT-X-PART:");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=6");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
    }

    @Test
    void answersBadDirectivesWith400() throws Exception {
        long lastMsn = stream.playlist().snapshot().lastPart().orElseThrow().msn();
        String url = mediaUrl(stream, "media.m3u8");
        assertThat(get(url + "?_HLS_part=1").statusCode()).isEqualTo(400);
        assertThat(get(url + "?_HLS_msn=" + (lastMsn + 10)).statusCode()).isEqualTo(400);
        assertThat(get(url + "?_HLS_msn=" + lastMsn + "&_HLS_part=50").statusCode())
                .isEqualTo(400);
        assertThat(get(url + "?_HLS_skip=maybe").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> bad = get(url + "?_HLS_msn=x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void answers503WhenTheBlockedPartDoesNotArriveInThreeTargetDurations() throws Exception {
        Process pause = new ProcessBuilder("kill", "-STOP", Long.toString(publisher.pid())).start();
        assertThat(pause.waitFor()).isZero();
        try {
            Thread.sleep(500);
            BlockingTarget.PartReady last =
                    stream.playlist().snapshot().lastPart().orElseThrow();
            long started = System.nanoTime();
            HttpResponse<byte[]> response =
                    get(mediaUrl(stream, "media.m3u8") + "?_HLS_msn=" + last.msn() + "&_HLS_part=" + (last.part() + 2));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(waitedMs).isBetween(5_500L, 9_000L);
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(publisher.pid()))
                    .start()
                    .waitFor();
        }
    }

    @Test
    void servesSegmentsPartsAndInitByteForByte() throws Exception {
        Poll.until(
                Duration.ofSeconds(10),
                "a complete segment",
                () -> !stream.playlist().snapshot().segments().isEmpty());
        PlaylistSnapshot snapshot = stream.playlist().snapshot();
        Segment segment = snapshot.segments().getLast();
        assertThat(segment.parts()).as("a segment of several parts").hasSizeGreaterThan(1);
        List<String> names = new ArrayList<>(List.of(segment.uri(), "init.mp4"));
        segment.parts().forEach(p -> names.add(p.uri()));
        for (String name : names) {
            HttpResponse<byte[]> served = get(mediaUrl(stream, name));
            assertThat(served.statusCode()).as(name).isEqualTo(200);
            assertThat(served.body())
                    .as(name)
                    .isEqualTo(bytes(snapshot.resource(name).orElseThrow()));
            assertThat(served.headers().firstValueAsLong("Content-Length"))
                    .as(name)
                    .hasValue(served.body().length);
            HttpResponse<Void> head = HTTP.send(
                    HttpRequest.newBuilder(URI.create(mediaUrl(stream, name)))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().firstValueAsLong("Content-Length"))
                    .as("HEAD " + name)
                    .hasValue(served.body().length);
        }
        int total = segment.parts().stream().mapToInt(Part::size).sum();
        assertThat(get(mediaUrl(stream, segment.uri())).body()).hasSize(total);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void aPreloadHintedPartBlocksUntilItExistsThenIsServed() throws Exception {
        String hint = stream.playlist().snapshot().preloadHint().orElseThrow();
        assertThat(stream.playlist().snapshot().resource(hint)).isEmpty();
        HttpResponse<byte[]> part = get(mediaUrl(stream, hint));
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.body()).isNotEmpty();
        assertThat(part.headers().firstValue("Content-Type")).hasValue("video/iso.segment");
        assertThat(part.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(part.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void servesCacheAndCorsHeadersAndPreflight() throws Exception {
        HttpResponse<byte[]> multivariant = get(playbackUrl(channel));
        assertThat(multivariant.statusCode()).isEqualTo(200);
        assertThat(text(multivariant)).contains("#EXT-X-STREAM-INF:", "avc1.", "mp4a.40.2", stream.streamId());
        assertThat(multivariant.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(multivariant.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");

        HttpResponse<byte[]> init = get(mediaUrl(stream, "init.mp4"));
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("Content-Type")).hasValue("video/mp4");

        HttpResponse<byte[]> missing = get(mediaUrl(stream, "seg999999.m4s"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("public, max-age=1");
        String offline = playbackUrl(channel)
                .replace(
                        channel.channel()
                                .arn()
                                .substring(channel.channel().arn().length() - 12),
                        "AAAAAAAAAAAA");
        assertThat(get(offline).statusCode()).isEqualTo(404);

        HttpResponse<Void> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(playbackUrl(channel)))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://example.com")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "range")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, HEAD, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("range");
    }
}
