package dev.streamcat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModernFfmpegTest {

    @Test
    void concurrentCallersShareOneExtractedFfmpeg7() throws Exception {
        List<ModernFfmpeg> found;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<ModernFfmpeg>> calls = IntStream.range(0, 8)
                    .<Callable<ModernFfmpeg>>mapToObj(i -> ExternalTools::modernFfmpeg)
                    .toList();
            found = pool.invokeAll(calls).stream().map(ModernFfmpegTest::get).toList();
        }
        assertThat(found).hasSize(8).allMatch(found.get(0)::equals);
        ModernFfmpeg tools = found.get(0);
        assertThat(tools.version()).startsWith("7.");
        assertThat(tools.ffmpeg().getParent().getParent().getFileName()).hasToString("target");
        assertThat(Files.isExecutable(tools.ffprobe())).isTrue();
        assertThat(tools.ffmpeg().getParent())
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("libavcodec.so"));
        assertThat(tools.ffmpeg().getParent().getParent())
                .isDirectoryNotContaining(p -> p.getFileName().toString().contains(".part-"));
    }

    @Test
    void theExtractedFfmpegWritesEnhancedFlv(@TempDir Path temp) throws Exception {
        ModernFfmpeg tools = ExternalTools.modernFfmpeg();
        Path flv = temp.resolve("av1.flv");
        Path log = temp.resolve("ffmpeg.log");
        int exit = ExternalTools.run(
                temp,
                log,
                60,
                Map.of(),
                tools.ffmpeg().toString(),
                "-hide_banner",
                "-nostdin",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=160x96:rate=10",
                "-t",
                "1",
                "-c:v",
                "libsvtav1",
                "-preset",
                "12",
                "-f",
                "flv",
                flv.toString());
        assertThat(exit).as(Files.readString(log)).isZero();
        String body = new String(Files.readAllBytes(flv), StandardCharsets.ISO_8859_1);
        // E-RTMP v2 ExVideoTagHeader: IsExHeader bit, then the FourCC.
        assertThat(body).as("a key frame SequenceStart tag in av01").contains("\u0090av01");
        Process probe = new ProcessBuilder(tools.ffprobe().toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version).startsWith("ffprobe version " + tools.version());
    }

    private static ModernFfmpeg get(Future<ModernFfmpeg> future) {
        try {
            return future.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
