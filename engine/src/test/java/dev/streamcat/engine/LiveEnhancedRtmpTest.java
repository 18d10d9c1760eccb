package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.api.ivs.GetStreamSessionRequest;
import dev.streamcat.api.ivs.StreamEvent;
import dev.streamcat.api.ivs.StreamSession;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.ModernFfmpeg;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEVC and AV1 over Enhanced RTMP from a real publisher, ffmpeg 7 ({@link ExternalTools#modernFfmpeg()}):
 * Debian's ffmpeg 5.1 encodes the sources (libx265, libsvtav1, libvpx-vp9), ffmpeg 7 publishes them with
 * {@code -c copy} to a channel's key, and ffprobe and ffmpeg read the LL-HLS output back. VP9, which the
 * CMAF packager does not carry, is refused with a clear {@code onStatus} while other publishers go on.
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class LiveEnhancedRtmpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SECONDS = 6;
    private static final int FPS = 30;

    @TempDir
    static Path sources;

    private static EngineFixture fixture;
    private static ModernFfmpeg modern;
    private static Path ffmpeg;
    private static Path ffprobe;

    @BeforeAll
    static void start() {
        ffmpeg = ExternalTools.require("ffmpeg");
        ffprobe = ExternalTools.require("ffprobe");
        modern = ExternalTools.modernFfmpeg();
        fixture = EngineFixture.on(TestDatabases.h2InMemory(), LiveVideoConfig.rtmp(0));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void ffmpeg7PublishesHevcAndPlayersReadItBack() throws Exception {
        // Main profile, level 3.1 (L93), 1 s GOP; x265 sets the progressive_source and frame_only_constraint
        // flags of general_constraint_indicator_flags (0x90 0 0 0 0 0 in its hvcC).
        Path source = encode(
                "hevc.mp4",
                "-c:v",
                "libx265",
                "-preset",
                "ultrafast",
                "-x265-params",
                "keyint=30:min-keyint=30:scenecut=0:level-idc=3.1:log-level=error",
                "-tag:v",
                "hvc1");
        StreamSession session = publishAndCheckPlayback(source, "hvc1.1.6.L93.90", "hevc");
        var video = session.ingestConfiguration().video();
        assertThat(video.profile()).isEqualTo("Main");
        assertThat(video.level()).isEqualTo("3.1");
        assertThat(video.avcProfile()).as("AVC-only fields").isEmpty();
    }

    @Test
    void ffmpeg7PublishesAv1AndPlayersReadItBack() throws Exception {
        // SVT-AV1 picks seq_level_idx 1 (level 2.1, the lowest holding 640x360), Main profile, main tier, 8 bit.
        Path source = encode("av1.mp4", "-c:v", "libsvtav1", "-preset", "12", "-g", Integer.toString(FPS));
        StreamSession session = publishAndCheckPlayback(source, "av01.0.01M.08", "av1");
        var video = session.ingestConfiguration().video();
        assertThat(video.profile()).isEqualTo("Main");
        assertThat(video.level()).isEqualTo("2.1");
        assertThat(video.avcLevel()).as("AVC-only fields").isEmpty();
    }

    @Test
    void refusesVp9WithAClearStatusWhileOtherPublishersGoOn() throws Exception {
        Path vp9 = encode("vp9.mp4", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "30");
        CreateChannelResponse other = newChannel();
        CreateChannelResponse refused = newChannel();
        try (var h264 =
                FfmpegPublisher.publish(fixture.rtmpUrl(other.streamKey().value()), 60)) {
            LiveStream otherStream = awaitLive(other.channel().arn());
            try (var publisher = FfmpegPublisher.publishFile(
                    modern.ffmpeg(), vp9, fixture.rtmpUrl(refused.streamKey().value()))) {
                assertThat(publisher.exitCode(30)).as(publisher.log()).isNotZero();
                assertThat(publisher.log()).contains("Server error: Unsupported codec VP9");
            }
            String arn = refused.channel().arn();
            Poll.until(
                    Duration.ofSeconds(10),
                    "the refused session ended",
                    () -> session(arn).endTime() != null);
            assertThat(fixture.engine().streams().isLive(arn)).isFalse();
            assertThat(session(arn).truncatedEvents())
                    .filteredOn(e -> e.name().equals("Stream Failure"))
                    .extracting(StreamEvent::code)
                    .containsExactly("UnsupportedCodec");

            long partsBefore =
                    otherStream.playlist().snapshot().lastPart().orElseThrow().msn();
            Poll.until(
                    Duration.ofSeconds(10),
                    "the other stream goes on",
                    () -> otherStream
                                    .playlist()
                                    .snapshot()
                                    .lastPart()
                                    .orElseThrow()
                                    .msn()
                            > partsBefore);
            assertThat(h264.alive()).isTrue();
            assertThat(fixture.engine().streams().live(other.channel().arn())).contains(otherStream);
        }
    }

    /**
     * Publishes a {@value #SECONDS} s 640x360 {@value #FPS} fps source with ffmpeg 7, checks the live
     * multivariant playlist and, once the encoder is done, the session, ffprobe and a full decode.
     */
    private static StreamSession publishAndCheckPlayback(Path source, String codecs, String codecName)
            throws Exception {
        CreateChannelResponse channel = newChannel();
        String arn = channel.channel().arn();
        LiveStream live;
        try (var publisher = FfmpegPublisher.publishFile(
                modern.ffmpeg(), source, fixture.rtmpUrl(channel.streamKey().value()))) {
            live = awaitLive(arn);
            HttpResponse<String> multivariant = get(playbackUrl(channel));
            assertThat(multivariant.statusCode()).isEqualTo(200);
            assertThat(multivariant.body())
                    .contains("CODECS=\"" + codecs + ",mp4a.40.2\"", "RESOLUTION=640x360", live.streamId());
            assertThat(publisher.exitCode(30)).as(publisher.log()).isZero();
            assertThat(publisher.log()).as("ffmpeg 7 warnings").isBlank();
        }
        Poll.until(Duration.ofSeconds(10), "ENDLIST", () -> live.playlist()
                .snapshot()
                .ended());
        Poll.until(Duration.ofSeconds(10), "session ended", () -> session(arn).endTime() != null);

        StreamSession session = session(arn);
        var video = session.ingestConfiguration().video();
        assertThat(video.codec()).isEqualTo(codecs);
        assertThat(video.videoWidth()).isEqualTo(640);
        assertThat(video.videoHeight()).isEqualTo(360);
        assertThat(video.targetFramerate()).isBetween(FPS - 1L, FPS + 1L);
        assertThat(video.targetBitrate()).isPositive();
        assertThat(video.encoder()).startsWith("Lavf61.");
        var audio = session.ingestConfiguration().audio();
        assertThat(audio.codec()).isEqualTo("mp4a.40.2");
        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(session.truncatedEvents()).extracting(StreamEvent::name).doesNotContain("Stream Failure");

        String media = mediaUrl(live, "media.m3u8");
        JsonNode probe = probe(
                "-show_entries",
                "stream=codec_name,width,height,nb_read_frames:format=duration",
                "-select_streams",
                "v:0",
                "-count_frames",
                media);
        JsonNode videoStream = probe.get("streams").get(0);
        assertThat(videoStream.get("codec_name").asText()).isEqualTo(codecName);
        assertThat(videoStream.get("width").asInt()).isEqualTo(640);
        assertThat(videoStream.get("height").asInt()).isEqualTo(360);
        assertThat(videoStream.get("nb_read_frames").asInt()).as("every frame").isEqualTo(SECONDS * FPS);
        assertThat(probe.get("format").get("duration").asDouble()).isBetween(SECONDS - 0.1, SECONDS + 0.2);
        JsonNode audioProbe =
                probe("-show_entries", "stream=codec_name,sample_rate,channels", "-select_streams", "a:0", media);
        assertThat(audioProbe.get("streams").get(0).get("codec_name").asText()).isEqualTo("aac");
        assertThat(audioProbe.get("streams").get(0).get("sample_rate").asInt()).isEqualTo(48_000);

        // Both ffmpeg versions decode every frame without a single error.
        assertThat(decodeErrors(ffmpeg, media))
                .as("Debian ffmpeg decode errors")
                .isEmpty();
        List<String> decoder = codecName.equals("av1") ? List.of("-c:v", "libaom-av1") : List.of();
        assertThat(decodeErrors(modern.ffmpeg(), media, decoder))
                .as("ffmpeg 7 decode errors")
                .isEmpty();
        return session;
    }

    private static Path encode(String name, String... video) throws Exception {
        Path out = sources.resolve(name);
        List<String> command = new ArrayList<>(List.of(
                ffmpeg.toString(),
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=" + FPS,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(SECONDS),
                "-pix_fmt",
                "yuv420p"));
        command.addAll(List.of(video));
        command.addAll(List.of("-c:a", "aac", "-b:a", "96k", "-ac", "2", out.toString()));
        Path log = sources.resolve(name + ".log");
        int exit = ExternalTools.run(sources, log, 120, Map.of(), command.toArray(String[]::new));
        assertThat(exit).as(Files.readString(log)).isZero();
        return out;
    }

    private static JsonNode probe(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ffprobe.toString(), "-v", "error", "-of", "json"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(sources, "ffprobe", ".json");
        int exit = ExternalTools.run(sources, out, 60, Map.of(), command.toArray(String[]::new));
        assertThat(exit).as(Files.readString(out)).isZero();
        return EngineJson.MAPPER.readTree(Files.readString(out));
    }

    private static String decodeErrors(Path tool, String media) throws Exception {
        return decodeErrors(tool, media, List.of());
    }

    /** {@code ffmpeg -v error -i media -f null -}: what it prints, empty when every frame decodes cleanly. */
    private static String decodeErrors(Path tool, String media, List<String> decoder) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "-nostdin", "-v", "error"));
        command.addAll(decoder);
        command.addAll(List.of("-i", media, "-f", "null", "-"));
        Path log = Files.createTempFile(sources, "decode", ".log");
        int exit = ExternalTools.run(sources, log, 60, Map.of(), command.toArray(String[]::new));
        String output = Files.readString(log).strip();
        assertThat(exit).as(output).isZero();
        return output;
    }

    private static CreateChannelResponse newChannel() {
        return fixture.engine()
                .ivs()
                .createChannel(new CreateChannelRequest(
                        null, null, "BASIC", null, null, null, null, null, null, null, null, null));
    }

    private static StreamSession session(String arn) {
        return fixture.engine()
                .ivs()
                .getStreamSession(new GetStreamSessionRequest(arn, null))
                .streamSession();
    }

    private static LiveStream awaitLive(String arn) throws Exception {
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

    private static String playbackUrl(CreateChannelResponse channel) {
        return fixture.endpoint() + URI.create(channel.channel().playbackUrl()).getPath();
    }

    private static String mediaUrl(LiveStream stream, String name) {
        String path = URI.create(stream.channel().playbackUrl()).getPath();
        return fixture.endpoint() + path.substring(0, path.length() - ".m3u8".length()) + "/" + stream.streamId() + "/"
                + name;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
