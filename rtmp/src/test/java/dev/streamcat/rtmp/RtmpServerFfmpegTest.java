package dev.streamcat.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.ModernFfmpeg;
import dev.streamcat.testing.SelfSignedCertificate;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server against the real ffmpeg publisher: Debian's (libx264 + AAC over RTMP and RTMPS) and
 * ffmpeg 7 from Maven Central (HEVC, AV1 and VP9 over Enhanced RTMP, see {@link ExternalTools#modernFfmpeg()}).
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class RtmpServerFfmpegTest {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private final Map<String, RecordingSink> sinks = new ConcurrentHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private RtmpServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void requireFfmpeg() {
        boolean present = Files.isExecutable(FFMPEG);
        if (!present && "true".equals(System.getenv("STREAMCAT_REQUIRE_TOOLS"))) {
            fail("ffmpeg is required (STREAMCAT_REQUIRE_TOOLS=true) but " + FFMPEG + " is missing");
        }
        assumeTrue(present, "ffmpeg not installed");
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
    }

    private RtmpServer start(RtmpServer.Builder builder) {
        server = builder.host("127.0.0.1")
                .port(0)
                .threads(1)
                .authorizer(request -> CompletableFuture.completedFuture(
                        sinks.containsKey(request.streamKey())
                                ? PublishDecision.accept(sinks.get(request.streamKey()))
                                : PublishDecision.unknownKey()))
                .build()
                .start();
        return server;
    }

    private Process ffmpeg(String url, int seconds, boolean realtime) throws IOException {
        var command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-nostdin", "-loglevel", "warning"));
        if (realtime) {
            command.add("-re");
        }
        command.addAll(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-g",
                "30",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-f",
                "flv",
                url));
        Path log = Files.createTempFile(temp, "ffmpeg", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static int exitCode(Process process) throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        return process.exitValue();
    }

    @Test
    void receivesAvcAndAacFromFfmpeg() throws Exception {
        var sink = new RecordingSink();
        sinks.put("live_key", sink);
        start(RtmpServer.builder());

        assertThat(exitCode(ffmpeg("rtmp://127.0.0.1:" + server.port() + "/app/live_key", 3, false)))
                .isZero();

        assertThat(sink.closed.get(10, TimeUnit.SECONDS))
                .isIn(new CloseReason.Unpublished(), new CloseReason.Disconnected());
        assertPlausibleAvcAac(sink);
        assertThat(sink.metadata).anySatisfy(meta -> assertThat(meta).containsEntry("width", 640.0));
    }

    /**
     * Read pacing on a real socket: with a sink that calls nothing urgent, the server lets the kernel
     * collect ffmpeg's real-time messages and reads them in batches (at most a second apart); without
     * pacing it reads them as they come.
     */
    @Test
    void pacedReadsComeInBatchesWhenNothingIsUrgent() throws Exception {
        assumeTrue(NettyTransport.epoll() && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")));
        double paced = batchesPerTag(true);
        double eager = batchesPerTag(false);
        assertThat(paced).as("read batches per tag, paced").isLessThan(0.2);
        assertThat(eager).as("read batches per tag, not paced").isGreaterThan(0.3);
    }

    /** Publishes 5 s in real time; counts groups of tags delivered within 2 ms of each other, after 3 s. */
    private double batchesPerTag(boolean pacing) throws Exception {
        var sink = new RecordingSink();
        sink.urgentFrom = Long.MAX_VALUE;
        sinks.put("paced", sink);
        start(RtmpServer.builder().readPacing(pacing));
        assertThat(exitCode(ffmpeg("rtmp://127.0.0.1:" + server.port() + "/app/paced", 5, true)))
                .isZero();
        sink.closed.get(10, TimeUnit.SECONDS);
        server.close();
        server = null;
        List<RecordingSink.Tag> tags =
                sink.tags.stream().filter(t -> t.timestamp() >= 3_000).toList();
        assertThat(tags).hasSizeGreaterThan(50);
        int batches = 1;
        for (int i = 1; i < tags.size(); i++) {
            if (tags.get(i).receivedNanos() - tags.get(i - 1).receivedNanos() > 2_000_000) {
                batches++;
            }
        }
        return (double) batches / tags.size();
    }

    @Test
    void refusesWrongStreamKey() throws Exception {
        start(RtmpServer.builder());

        assertThat(exitCode(ffmpeg("rtmp://127.0.0.1:" + server.port() + "/app/wrong", 2, false)))
                .isNotZero();
        assertThat(server.publishingCount()).isZero();
    }

    @Test
    void refusesSecondPublisherThenHandleCutsTheFirst() throws Exception {
        var sink = new RecordingSink();
        sinks.put("busy", sink);
        start(RtmpServer.builder());
        String url = "rtmp://127.0.0.1:" + server.port() + "/app/busy";
        Process first = ffmpeg(url, 30, true);
        PublishHandle handle = sink.started.get(20, TimeUnit.SECONDS);

        assertThat(exitCode(ffmpeg(url, 1, false))).as("second publisher").isNotZero();
        assertThat(first.isAlive()).isTrue();

        handle.close();
        assertThat(first.waitFor(15, TimeUnit.SECONDS))
                .as("first publisher cut")
                .isTrue();
        assertThat(sink.closed.get(5, TimeUnit.SECONDS)).isEqualTo(new CloseReason.Stopped());
        assertThat(server.publishingCount()).isZero();
    }

    @Test
    void receivesMediaOverRtmps() throws Exception {
        var tls = SelfSignedCertificate.createIn(temp);
        var sink = new RecordingSink();
        sinks.put("secure", sink);
        start(RtmpServer.builder().tls(0, tls.certificateChain(), tls.privateKey()));

        int tlsPort = server.tlsPort().orElseThrow();
        assertThat(exitCode(ffmpeg("rtmps://127.0.0.1:" + tlsPort + "/app/secure", 2, false)))
                .isZero();

        sink.closed.get(10, TimeUnit.SECONDS);
        assertThat(sink.started.get().request().secure()).isTrue();
        assertPlausibleAvcAac(sink);
    }

    @Test
    void receivesHevcAndAv1OverEnhancedRtmpFromFfmpeg7() throws Exception {
        start(RtmpServer.builder());
        for (var codec : List.of(
                List.of("hvc1", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"),
                List.of("av01", "libsvtav1", "-preset", "12"))) {
            String fourCc = codec.get(0);
            var sink = new RecordingSink();
            sinks.put(fourCc, sink);
            Process process = publishWithFfmpeg7(fourCc, codec.subList(1, codec.size()));

            assertThat(exitCode(process)).as(fourCc).isZero();
            assertThat(sink.closed.get(10, TimeUnit.SECONDS))
                    .isIn(new CloseReason.Unpublished(), new CloseReason.Disconnected());
            List<RecordingSink.Tag> video = sink.tags("video");
            byte[] first = video.get(0).body();
            assertThat(first[0] & 0xFF)
                    .as("E-RTMP ExHeader, key frame, SequenceStart")
                    .isEqualTo(0x90);
            assertThat(new String(first, 1, 4, StandardCharsets.US_ASCII)).isEqualTo(fourCc);
            assertThat(video).hasSizeGreaterThan(50).allSatisfy(tag -> assertThat(
                            new String(tag.body(), 1, 4, StandardCharsets.US_ASCII))
                    .isEqualTo(fourCc));
            assertThat(sink.tags("audio").get(0).body()).startsWith((byte) 0xAF, (byte) 0x00);
        }
    }

    @Test
    void refusesVp9FromFfmpeg7WithAStatusItReads() throws Exception {
        var sink = new RecordingSink();
        sinks.put("vp09", sink);
        start(RtmpServer.builder());
        Process process = publishWithFfmpeg7("vp09", List.of("libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"));

        assertThat(exitCode(process)).isNotZero();
        assertThat(sink.closed.get(10, TimeUnit.SECONDS)).isInstanceOf(CloseReason.UnsupportedCodec.class);
        assertThat(Files.readString(temp.resolve("vp09.publish.log")))
                .as("the onStatus reached ffmpeg before the connection closed")
                .contains("Server error: Unsupported codec VP9");
        assertThat(server.publishingCount()).isZero();
    }

    /**
     * Encodes 3 s of test video and AAC with Debian's ffmpeg (ffmpeg 7 from Maven has no libx265), then
     * publishes it with ffmpeg 7, whose FLV muxer writes Enhanced RTMP tags, as {@code -c copy} to key
     * {@code fourCc}.
     */
    private Process publishWithFfmpeg7(String fourCc, List<String> encoder) throws Exception {
        ModernFfmpeg modern = ExternalTools.modernFfmpeg();
        Path source = temp.resolve(fourCc + ".mp4");
        var encode = new ArrayList<>(List.of(
                FFMPEG.toString(),
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine",
                "-t",
                "3",
                "-pix_fmt",
                "yuv420p",
                "-g",
                "30",
                "-c:v"));
        encode.addAll(encoder);
        encode.addAll(List.of("-c:a", "aac", source.toString()));
        Process encoding = new ProcessBuilder(encode)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(fourCc + ".encode.log").toFile())
                .start();
        processes.add(encoding);
        assertThat(exitCode(encoding))
                .as(Files.readString(temp.resolve(fourCc + ".encode.log")))
                .isZero();
        Process process = new ProcessBuilder(
                        modern.ffmpeg().toString(),
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "warning",
                        // in real time, as an encoder sends: without it ffmpeg can hand the whole file to the
                        // socket and exit before a refusal comes back
                        "-re",
                        "-i",
                        source.toString(),
                        "-c",
                        "copy",
                        "-f",
                        "flv",
                        "rtmp://127.0.0.1:" + server.port() + "/app/" + fourCc)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(fourCc + ".publish.log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static void assertPlausibleAvcAac(RecordingSink sink) {
        List<RecordingSink.Tag> video = sink.tags("video");
        List<RecordingSink.Tag> audio = sink.tags("audio");
        assertThat(video).isNotEmpty();
        assertThat(audio).isNotEmpty();
        assertThat(video.get(0).body()).startsWith(0x17, 0x00); // AVC keyframe + AVCDecoderConfigurationRecord
        assertThat(video)
                .filteredOn(t -> t.body()[0] == 0x17 && t.body()[1] == 1)
                .hasSizeGreaterThan(1);
        assertThat(audio.get(0).body()).startsWith((byte) 0xAF, (byte) 0x00); // AAC AudioSpecificConfig
        assertThat(audio).filteredOn(t -> t.body()[1] == 1).isNotEmpty();
        assertThat(video).extracting(RecordingSink.Tag::timestamp).isSorted();
        assertThat(video.get(video.size() - 1).timestamp()).isGreaterThan(1000);
        assertThat(audio).extracting(RecordingSink.Tag::timestamp).isSorted();
    }
}
