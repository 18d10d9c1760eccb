package dev.streamcat.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test media made by ffmpeg, cached per JVM. Tests skip when ffmpeg/ffprobe are missing, unless
 * {@code STREAMCAT_REQUIRE_TOOLS=true}, then they fail.
 */
public final class MediaFixtures {
    private static final Map<String, byte[]> CACHE = new HashMap<>();

    /** One FLV tag: type 8 audio, 9 video, 18 script. */
    public record FlvTag(int type, int timestampMs, byte[] body) {}

    private MediaFixtures() {}

    public static void requireTools() {
        boolean present =
                Files.isExecutable(Path.of("/usr/bin/ffmpeg")) && Files.isExecutable(Path.of("/usr/bin/ffprobe"));
        if (!present && "true".equals(System.getenv("STREAMCAT_REQUIRE_TOOLS"))) {
            throw new AssertionError("ffmpeg/ffprobe required (STREAMCAT_REQUIRE_TOOLS=true)");
        }
        Assumptions.assumeTrue(present, "ffmpeg/ffprobe not installed");
    }

    /** 4 s of 320x180 30 fps H.264 (B-frames, GOP 1 s) + 48 kHz stereo AAC-LC, as FLV. */
    public static synchronized byte[] h264AacFlv() {
        return CACHE.computeIfAbsent(
                "h264",
                k -> run(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x180:rate=30",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        "4",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-g",
                        "30",
                        "-bf",
                        "2",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-ac",
                        "2",
                        "-b:a",
                        "96k",
                        "-f",
                        "flv",
                        "-"));
    }

    /** 3 s of 320x180 30 fps HEVC (no B-frames, GOP 1 s, AUDs) as MP4. */
    public static synchronized byte[] hevcMp4(Path dir) {
        return CACHE.computeIfAbsent("hevc", k -> {
            Path mp4 = dir.resolve("hevc.mp4");
            run(
                    "ffmpeg",
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=320x180:rate=30",
                    "-t",
                    "3",
                    "-c:v",
                    "libx265",
                    "-preset",
                    "ultrafast",
                    "-x265-params",
                    "keyint=30:min-keyint=30:bframes=0:aud=1:log-level=error",
                    "-tag:v",
                    "hvc1",
                    "-pix_fmt",
                    "yuv420p",
                    "-y",
                    mp4.toString());
            try {
                return Files.readAllBytes(mp4);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Runs a command and returns stdout; fails the test on a non-zero exit. */
    public static byte[] run(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as("exit code of %s", Arrays.toString(command))
                    .isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a command, returning stderr+stdout text and the exit code in the first line. */
    public static String runText(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            p.waitFor(120, TimeUnit.SECONDS);
            return p.exitValue() + "\n" + out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Splits an FLV file (FLV v10.1 Annex E.2/E.3) into tags. */
    public static List<FlvTag> flvTags(byte[] flv) {
        assertThat(new String(flv, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("FLV");
        int pos = be32(flv, 5) + 4; // header, then PreviousTagSize0
        List<FlvTag> tags = new ArrayList<>();
        while (pos + 11 <= flv.length) {
            int type = flv[pos] & 0x1F;
            int size = be24(flv, pos + 1);
            int ts = be24(flv, pos + 4) | ((flv[pos + 7] & 0xFF) << 24);
            tags.add(new FlvTag(type, ts, Arrays.copyOfRange(flv, pos + 11, pos + 11 + size)));
            pos += 11 + size + 4;
        }
        return tags;
    }

    /** The payload of the first box of the given type found anywhere in the bytes. */
    public static byte[] findBoxPayload(byte[] data, String type) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 4; i + 4 <= data.length; i++) {
            if (data[i] == t[0] && data[i + 1] == t[1] && data[i + 2] == t[2] && data[i + 3] == t[3]) {
                int size = be32(data, i - 4);
                if (size >= 8 && i - 4 + size <= data.length) {
                    return Arrays.copyOfRange(data, i + 4, i - 4 + size);
                }
            }
        }
        throw new AssertionError("no " + type + " box");
    }

    public static int be32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public static int be24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }
}
