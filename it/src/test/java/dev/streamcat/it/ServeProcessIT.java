package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a user starts it: start-up banner, health, SIGTERM, restart, bad configuration. */
class ServeProcessIT {
    private static final Path JAR =
            Path.of("../server/target/streamcat.jar").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    private Process start(Path log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toString(),
                "serve",
                "--data-dir",
                dataDir.toString(),
                "--bind-host",
                "127.0.0.1"));
        command.addAll(List.of(extra));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("STREAMCAT_"));
        return builder.start();
    }

    private static int health(int port) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitHealthy(Process process, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (health(port) == 200) return;
            Thread.sleep(200);
        }
        throw new AssertionError("server did not become healthy:\n" + Files.readString(log));
    }

    @Test
    void startsPrintsCredentialsOnceStopsOnSigtermAndRestartsOnTheSameData() throws Exception {
        int port = FreePorts.next();
        int appPort = FreePorts.next();
        String[] ports = {
            "--engine-port",
            String.valueOf(port),
            "--app-port",
            String.valueOf(appPort),
            "--rtmp-port",
            String.valueOf(FreePorts.next())
        };
        Path firstLog = dataDir.resolveSibling(dataDir.getFileName() + "-first.log");
        Process first = start(firstLog, ports);
        awaitHealthy(first, port, firstLog);
        awaitHealthy(first, appPort, firstLog); // the app starts last: the whole process is up
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(firstLog);
        assertThat(first.exitValue()).as(output).isIn(0, 143);
        assertThat(output)
                .contains("StreamCat is running.", "AWS_ACCESS_KEY_ID=SCAK", "AWS_SECRET_ACCESS_KEY=", "stopped");
        assertThat(Files.exists(dataDir.resolve("credentials.properties"))).isTrue();

        Path secondLog = dataDir.resolveSibling(dataDir.getFileName() + "-second.log");
        Process second = start(secondLog, ports);
        awaitHealthy(second, port, secondLog);
        awaitHealthy(second, appPort, secondLog);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String again = Files.readString(secondLog);
        assertThat(again).contains("Control-API access key id:").doesNotContain("AWS_SECRET_ACCESS_KEY=");
    }

    @Test
    void aSigtermDuringStartUpStillStopsCleanly() throws Exception {
        int port = FreePorts.next();
        String[] ports = {
            "--engine-port",
            String.valueOf(port),
            "--app-port",
            String.valueOf(FreePorts.next()),
            "--rtmp-port",
            String.valueOf(FreePorts.next())
        };
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-early.log");
        Process process = start(log, ports);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        // logged once Vert.x exists, before the database, the engine and the app start
        while (!Files.readString(log).contains("network transport:")) {
            assertThat(Instant.now()).as(Files.readString(log)).isBefore(deadline);
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(20);
        }
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isIn(0, 143);
        assertThat(output)
                .as("the shutdown hook waited for the start, then stopped")
                .contains("stopped");

        Path again = dataDir.resolveSibling(dataDir.getFileName() + "-again.log");
        Process second = start(again, ports);
        awaitHealthy(second, port, again);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void badConfigurationExitsWith2NamingTheOption() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-bad.log");
        Process process = start(log, "--account-id", "not-digits");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--account-id (STREAMCAT_ACCOUNT_ID): must be exactly 12 digits");
    }
}
