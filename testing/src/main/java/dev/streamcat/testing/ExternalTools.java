package dev.streamcat.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Real peers the tests run (ffmpeg, node, a PostgreSQL server). On a developer machine without one
 * the test is skipped; where {@code STREAMCAT_REQUIRE_TOOLS=true} (CI) a missing tool fails it.
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** True where every external tool must be present (CI). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("STREAMCAT_REQUIRE_TOOLS"));
    }

    /** The executable on the PATH, or a skipped (or, in CI, failed) test. */
    public static Path require(String executable) {
        Optional<Path> found = find(executable);
        if (found.isEmpty()) {
            missing(executable + " is not installed (install it, or see .ci/run)");
        }
        return found.orElseThrow();
    }

    /**
     * ffmpeg and ffprobe 7.x, extracted once per JVM from the {@code org.bytedeco:ffmpeg} jar (classifier
     * {@code linux-x86_64}) that the module declares as a test dependency; Debian's ffmpeg 5.1 on the PATH
     * cannot publish HEVC, AV1 or VP9 over (Enhanced) RTMP. Without the jar, or on another platform, the test
     * is skipped (failed in CI); a jar whose ffmpeg does not run fails the test with its output.
     */
    public static ModernFfmpeg modernFfmpeg() {
        return ModernFfmpeg.require();
    }

    /** Skips the test, or in CI ({@code STREAMCAT_REQUIRE_TOOLS=true}) fails it, for a missing tool. */
    static void missing(String message) {
        if (required()) {
            throw new AssertionError(message + "; STREAMCAT_REQUIRE_TOOLS=true");
        }
        Assumptions.abort(message);
    }

    public static Optional<Path> find(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command in a directory, inheriting output into the given log file; returns its exit code. */
    public static int run(
            Path directory, Path log, long timeoutSeconds, java.util.Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }
}
