package dev.streamcat.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real server against the real ffmpeg publisher (libx264 + AAC over RTMP and RTMPS). */
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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
        Path cert = temp.resolve("cert.pem");
        Path key = temp.resolve("key.pem");
        Process openssl = new ProcessBuilder(
                        "/usr/bin/openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("openssl.log").toFile())
                .start();
        assertThat(exitCode(openssl)).isZero();
        var sink = new RecordingSink();
        sinks.put("secure", sink);
        start(RtmpServer.builder().tls(0, cert, key));

        int tlsPort = server.tlsPort().orElseThrow();
        assertThat(exitCode(ffmpeg("rtmps://127.0.0.1:" + tlsPort + "/app/secure", 2, false)))
                .isZero();

        sink.closed.get(10, TimeUnit.SECONDS);
        assertThat(sink.started.get().request().secure()).isTrue();
        assertPlausibleAvcAac(sink);
    }

    @Test
    void receivesHevcOverEnhancedRtmpWhenFfmpegCanSendIt() throws Exception {
        assumeTrue(ffmpegAtLeast(6, 1), "ffmpeg < 6.1 cannot send HEVC in FLV; FlvTagsTest covers the E-RTMP path");
        var sink = new RecordingSink();
        sinks.put("hevc", sink);
        start(RtmpServer.builder());
        Process process = new ProcessBuilder(
                        FFMPEG.toString(),
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "warning",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=30",
                        "-t",
                        "2",
                        "-c:v",
                        "libx265",
                        "-preset",
                        "ultrafast",
                        "-f",
                        "flv",
                        "rtmp://127.0.0.1:" + server.port() + "/app/hevc")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("x265.log").toFile())
                .start();
        processes.add(process);

        assertThat(exitCode(process)).isZero();
        sink.closed.get(10, TimeUnit.SECONDS);
        byte[] first = sink.tags("video").get(0).body();
        assertThat(first[0] & 0x80).as("E-RTMP ExHeader").isNotZero();
        assertThat(new String(first, 1, 4, StandardCharsets.US_ASCII)).isEqualTo("hvc1");
    }

    private static boolean ffmpegAtLeast(int major, int minor) throws IOException, InterruptedException {
        Process version = new ProcessBuilder(FFMPEG.toString(), "-version").start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor();
        var matcher = Pattern.compile("ffmpeg version n?(\\d+)\\.(\\d+)").matcher(text);
        if (!matcher.find()) {
            return false;
        }
        int foundMajor = Integer.parseInt(matcher.group(1));
        int foundMinor = Integer.parseInt(matcher.group(2));
        return foundMajor > major || (foundMajor == major && foundMinor >= minor);
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
