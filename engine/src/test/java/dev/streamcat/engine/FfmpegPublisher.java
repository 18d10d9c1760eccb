package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real ffmpeg publishing over RTMP in real time: a synthetic H.264/AAC test stream from Debian's ffmpeg, or
 * a pre-encoded file sent with {@code -c copy} by the modern ffmpeg (HEVC, AV1 and VP9 over Enhanced RTMP).
 * Close to kill it.
 */
public final class FfmpegPublisher implements AutoCloseable {
    private final Process process;
    private final Path log;

    private FfmpegPublisher(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Publishes 640x360 30 fps H.264 (1 s GOP) and AAC to {@code url} for {@code seconds}, in real time. */
    public static FfmpegPublisher publish(String url, int seconds) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg");
        Path log = Files.createTempFile("ffmpeg-publish", ".log");
        List<String> command = new ArrayList<>(List.of(
                ffmpeg.toString(),
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "warning",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-profile:v",
                "main",
                "-pix_fmt",
                "yuv420p",
                "-g",
                "30",
                "-b:v",
                "800k",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                "-ac",
                "2",
                "-f",
                "flv",
                url));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new FfmpegPublisher(process, log);
    }

    /**
     * Publishes {@code file} to {@code url} with {@code ffmpeg -re -i file -c copy -f flv}, in real time. With
     * ffmpeg 7 the FLV muxer writes HEVC, AV1 and VP9 as Enhanced RTMP v2 tags ({@code hvc1}, {@code av01},
     * {@code vp09}).
     */
    public static FfmpegPublisher publishFile(Path ffmpeg, Path file, String url) throws IOException {
        Path log = Files.createTempFile("ffmpeg-publish", ".log");
        List<String> command = List.of(
                ffmpeg.toString(),
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "warning",
                "-re",
                "-i",
                file.toString(),
                "-c",
                "copy",
                "-f",
                "flv",
                "-flvflags",
                "no_duration_filesize",
                url);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new FfmpegPublisher(process, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for ffmpeg to exit and returns its exit code. */
    public int exitCode(long timeoutSeconds) throws InterruptedException {
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                .as("ffmpeg exited within %d s", timeoutSeconds)
                .isTrue();
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
