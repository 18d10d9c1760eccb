package dev.streamcat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A modern ffmpeg and ffprobe (7.x) for the tests that need what Debian 12's ffmpeg 5.1 cannot do, such as
 * publishing HEVC, AV1 or VP9 over Enhanced RTMP. The executables and their shared libraries come from the
 * {@code org.bytedeco:ffmpeg:<version>:linux-x86_64} jar that Maven puts on the test classpath (a test-scoped
 * dependency downloaded from Maven Central like any other); they are extracted once into
 * {@code target/bytedeco-ffmpeg-<version>/} of the module under test (the binaries find their libraries
 * through their {@code $ORIGIN} run path) and checked to run.
 *
 * <p>It has no libx265 or libx264: tests encode their sources with Debian's ffmpeg and publish them with
 * {@code -c copy}.
 *
 * <p>Thread-safe: the first caller in a JVM extracts, the others wait for it and share the result.
 * Several JVMs (forked test runs) extract to private folders and the first one moved into place wins.
 *
 * @param ffmpeg the ffmpeg executable
 * @param ffprobe the ffprobe executable
 * @param version the version ffmpeg reports, e.g. {@code 7.1.1}
 */
public record ModernFfmpeg(Path ffmpeg, Path ffprobe, String version) {
    /** Where the bytedeco jar keeps the executables and libraries. */
    static final String RESOURCE_FOLDER = "org/bytedeco/ffmpeg/linux-x86_64/";

    private static final Pattern VERSION = Pattern.compile("ffmpeg version n?(\\d+)\\.(\\d+)(\\.\\d+)?");
    private static final int MINIMUM_MAJOR = 7;
    private static final Object LOCK = new Object();
    private static Outcome outcome;

    /** Either the usable tools or why they are not usable. */
    private sealed interface Outcome {
        record Ready(ModernFfmpeg tools) implements Outcome {}

        /** The jar is not there or not for this platform: skipped, or failed in CI. */
        record Missing(String reason) implements Outcome {}

        /** The jar is there but its ffmpeg does not run: always a failure. */
        record Broken(String reason) implements Outcome {}
    }

    /** The extracted tools, or a skipped (in CI, failed) test when absent; a failed one when they cannot run. */
    static ModernFfmpeg require() {
        Outcome found;
        synchronized (LOCK) {
            if (outcome == null) {
                outcome = locate(Path.of(System.getProperty("user.dir"), "target"));
            }
            found = outcome;
        }
        return switch (found) {
            case Outcome.Ready ready -> ready.tools();
            case Outcome.Missing missing -> {
                ExternalTools.missing(missing.reason());
                throw new AssertionError(missing.reason());
            }
            case Outcome.Broken broken -> throw new AssertionError(broken.reason());
        };
    }

    private static Outcome locate(Path targetFolder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return new Outcome.Missing("the modern ffmpeg (org.bytedeco:ffmpeg:linux-x86_64) runs on Linux x86-64"
                    + " only, this is " + os + " " + arch);
        }
        URL executable = ModernFfmpeg.class.getClassLoader().getResource(RESOURCE_FOLDER + "ffmpeg");
        if (executable == null) {
            return new Outcome.Missing("the modern ffmpeg is not on the test classpath: add the test dependency"
                    + " org.bytedeco:ffmpeg (classifier linux-x86_64, version managed in the parent pom)");
        }
        try {
            JarURLConnection connection = (JarURLConnection) executable.openConnection();
            connection.setUseCaches(false);
            Path jar = Path.of(connection.getJarFileURL().toURI());
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path folder = extractOnce(jar, targetFolder.resolve("bytedeco-" + name));
            return check(folder);
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return new Outcome.Broken("could not extract the modern ffmpeg from " + executable + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Broken("interrupted while checking the modern ffmpeg");
        }
    }

    /** Extracts into a private folder, then moves it into place unless another JVM got there first. */
    private static Path extractOnce(Path jar, Path folder) throws IOException {
        if (Files.isExecutable(folder.resolve("ffmpeg")) && Files.isExecutable(folder.resolve("ffprobe"))) {
            return folder;
        }
        Files.createDirectories(folder.getParent());
        Path staging = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".part-");
        try {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String entryName = entry.getName();
                    if (entry.isDirectory()
                            || !entryName.startsWith(RESOURCE_FOLDER)
                            || entryName.indexOf('/', RESOURCE_FOLDER.length()) >= 0) {
                        continue;
                    }
                    Path out = staging.resolve(entryName.substring(RESOURCE_FOLDER.length()));
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                    if (!out.toFile().setExecutable(true, false)) {
                        throw new IOException("cannot make " + out + " executable");
                    }
                }
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another JVM moved its copy into place first (or a stale folder is there): use it as it is.
            } catch (IOException e) {
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
            return folder;
        } finally {
            deleteQuietly(staging);
        }
    }

    private static Outcome check(Path folder) throws IOException, InterruptedException {
        Path ffmpeg = folder.resolve("ffmpeg");
        Path ffprobe = folder.resolve("ffprobe");
        if (!Files.isExecutable(ffmpeg) || !Files.isExecutable(ffprobe)) {
            return new Outcome.Broken(folder + " holds no executable ffmpeg and ffprobe: delete it and run again");
        }
        Process process = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-version")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Outcome.Broken(ffmpeg + " -version did not finish within 30 s");
        }
        Matcher matcher = VERSION.matcher(output);
        if (process.exitValue() != 0 || !matcher.find()) {
            return new Outcome.Broken(ffmpeg + " -version cannot run (exit " + process.exitValue() + "): "
                    + output.strip() + "\n(delete " + folder + " to extract it again)");
        }
        if (Integer.parseInt(matcher.group(1)) < MINIMUM_MAJOR) {
            return new Outcome.Broken(ffmpeg + " is ffmpeg " + matcher.group(1) + "." + matcher.group(2) + ", not "
                    + MINIMUM_MAJOR + ".x: check the bytedeco-ffmpeg.version in the parent pom");
        }
        String version = matcher.group(1) + "." + matcher.group(2) + (matcher.group(3) == null ? "" : matcher.group(3));
        return new Outcome.Ready(new ModernFfmpeg(ffmpeg, ffprobe, version));
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover staging folder under target/ is harmless; mvn clean removes it.
        }
    }
}
