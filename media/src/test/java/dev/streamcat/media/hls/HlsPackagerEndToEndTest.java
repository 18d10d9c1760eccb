package dev.streamcat.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.media.MediaFixtures;
import dev.streamcat.media.flv.FlvStreamDecoder;
import dev.streamcat.media.hub.StreamHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffmpeg-made media through parser → hub → packager, checked with ffprobe and ffmpeg. */
class HlsPackagerEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void packagesH264AndAacThatFfmpegDecodes() throws IOException {
        MediaFixtures.requireTools();
        HlsPackager packager = new HlsPackager(HlsConfig.defaults(), InstantSource.system());
        StreamHub hub = new StreamHub(e -> {
            throw new AssertionError(e);
        });
        hub.subscribe(packager);
        hub.onStart();
        FlvStreamDecoder decoder = new FlvStreamDecoder(hub);
        for (MediaFixtures.FlvTag tag : MediaFixtures.flvTags(MediaFixtures.h264AacFlv())) {
            switch (tag.type()) {
                case 9 -> decoder.onVideo(tag.timestampMs(), tag.body());
                case 8 -> decoder.onAudio(tag.timestampMs(), tag.body());
                default -> {}
            }
        }
        hub.onEnd();
        PlaylistSnapshot s = packager.playlist().snapshot();
        assertThat(s.info().codecs()).containsExactly("avc1.64000d", "mp4a.40.2");
        Path full = writeOut(s);
        assertProbe(full, "h264,aac", 4.0);
        assertDecodesCleanly(full);
        assertDecodesCleanly(dir.resolve(HlsUris.MEDIA_PLAYLIST));
    }

    @Test
    void packagesEnhancedRtmpHevcThatFfmpegDecodes() throws IOException {
        MediaFixtures.requireTools();
        byte[] mp4 = MediaFixtures.hevcMp4(dir);
        byte[] hvcc = MediaFixtures.findBoxPayload(mp4, "hvcC");
        byte[] annexB = MediaFixtures.run(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-i",
                dir.resolve("hevc.mp4").toString(),
                "-c",
                "copy",
                "-f",
                "hevc",
                "-");
        HlsPackager packager = new HlsPackager(HlsConfig.defaults(), InstantSource.system());
        FlvStreamDecoder decoder = new FlvStreamDecoder(packager);
        packager.onStart();
        decoder.onVideo(0, concat(new byte[] {(byte) 0x90}, ascii("hvc1"), hvcc));
        List<byte[]> units = accessUnits(annexB);
        for (int i = 0; i < units.size(); i++) {
            byte[] au = units.get(i);
            boolean key = containsIrap(au);
            byte header = (byte) (0x80 | (key ? 0x10 : 0x20) | 3); // ExHeader, frame type, CodedFramesX
            decoder.onVideo(i * 100 / 3, concat(new byte[] {header}, ascii("hvc1"), au));
        }
        packager.onEnd();
        PlaylistSnapshot s = packager.playlist().snapshot();
        assertThat(s.info().codecs()).hasSize(1).first().asString().startsWith("hvc1.1.6.L");
        Path full = writeOut(s);
        assertProbe(full, "hevc", 3.0);
        assertDecodesCleanly(full);
        assertDecodesCleanly(dir.resolve(HlsUris.MEDIA_PLAYLIST));
    }

    private Path writeOut(PlaylistSnapshot s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InitSection init = s.inits().getFirst();
        Files.write(dir.resolve(init.uri()), bytes(init.bytes()));
        all.writeBytes(bytes(init.bytes()));
        for (Segment seg : s.segments()) {
            Files.write(dir.resolve(seg.uri()), bytes(seg.bytes()));
            all.writeBytes(bytes(seg.bytes()));
            for (Part p : seg.parts()) {
                assertThat(p.duration()).isLessThanOrEqualTo(s.config().partTarget());
            }
        }
        Files.writeString(dir.resolve(HlsUris.MEDIA_PLAYLIST), MediaPlaylistRenderer.render(s, false));
        Path full = dir.resolve("full.mp4");
        Files.write(full, all.toByteArray());
        return full;
    }

    /** Checks codecs and that the duration is within one video frame (1/30 s) of the expected. */
    private static void assertProbe(Path file, String codecs, double seconds) {
        String out = new String(
                MediaFixtures.run(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name",
                        "-of",
                        "csv=p=0",
                        file.toString()),
                StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(out.split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        assertThat(String.join(",", lines)).isEqualTo(codecs);
        String video = new String(
                MediaFixtures.run(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=duration",
                        "-of",
                        "csv=p=0",
                        file.toString()),
                StandardCharsets.UTF_8);
        double duration = Double.parseDouble(video.strip());
        assertThat(duration).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.034));
    }

    private static void assertDecodesCleanly(Path input) {
        String out = MediaFixtures.runText(
                "ffmpeg", "-hide_banner", "-v", "error", "-i", input.toString(), "-f", "null", "-");
        assertThat(out).isEqualTo("0\n");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Splits Annex B at access unit delimiters (NAL type 35) into 4-byte length-prefixed samples. */
    private static List<byte[]> accessUnits(byte[] annexB) {
        List<int[]> nals = new ArrayList<>();
        int i = 0;
        int start = -1;
        while (i + 3 <= annexB.length) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                if (start >= 0) {
                    int end = i;
                    while (end > start && annexB[end - 1] == 0) {
                        end--;
                    }
                    nals.add(new int[] {start, end});
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        nals.add(new int[] {start, annexB.length});
        List<byte[]> units = new ArrayList<>();
        ByteArrayOutputStream au = new ByteArrayOutputStream();
        for (int[] n : nals) {
            int type = (annexB[n[0]] >> 1) & 0x3F;
            if (type == 35 && au.size() > 0) {
                units.add(au.toByteArray());
                au.reset();
            }
            int len = n[1] - n[0];
            au.writeBytes(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
            au.write(annexB, n[0], len);
        }
        if (au.size() > 0) {
            units.add(au.toByteArray());
        }
        return units;
    }

    private static boolean containsIrap(byte[] au) {
        int pos = 0;
        while (pos + 4 < au.length) {
            int len = MediaFixtures.be32(au, pos);
            int type = (au[pos + 4] >> 1) & 0x3F;
            if (type >= 16 && type <= 21) {
                return true;
            }
            pos += 4 + len;
        }
        return false;
    }
}
