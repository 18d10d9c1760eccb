package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official AWS JavaScript clients ({@code @aws-sdk/client-ivs}, {@code
 * @aws-sdk/client-ivschat}, {@code amazon-ivs-chat-messaging}) from {@code src/test/node} against
 * the assembled server: every control-API operation, its documented results and errors.
 */
class OfficialSdkIT {
    private static final Path NODE_TESTS = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void officialClientsPassAgainstTheEngine() throws Exception {
        Path node = ExternalTools.require("node");
        Path npm = ExternalTools.require("npm");
        Path logs = Path.of("target").toAbsolutePath();
        Files.createDirectories(logs);
        if (!Files.isDirectory(NODE_TESTS.resolve("node_modules/@aws-sdk/client-ivs"))) {
            int installed = ExternalTools.run(
                    NODE_TESTS,
                    logs.resolve("npm-ci.log"),
                    600,
                    Map.of(),
                    npm.toString(),
                    "ci",
                    "--no-audit",
                    "--no-fund");
            assertThat(installed).as("npm ci, see target/npm-ci.log").isZero();
        }
        try (RunningServer server = new RunningServer(dataDir, TestDatabases.h2File(dataDir))) {
            Path log = logs.resolve("node-sdk-tests.log");
            int exit = ExternalTools.run(
                    NODE_TESTS,
                    log,
                    600,
                    Map.of(
                            "STREAMCAT_ENDPOINT",
                            server.endpoint(),
                            "STREAMCAT_CHAT_URL",
                            server.chatUrl(),
                            "STREAMCAT_REGION",
                            RunningServer.REGION,
                            "STREAMCAT_RTMP_URL",
                            server.rtmpUrl(),
                            "AWS_ACCESS_KEY_ID",
                            RunningServer.ACCESS_KEY_ID,
                            "AWS_SECRET_ACCESS_KEY",
                            RunningServer.SECRET_ACCESS_KEY,
                            "NODE_NO_WARNINGS",
                            "1"),
                    node.toString(),
                    "--test",
                    "--test-reporter=spec");
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(exit)
                    .as("node --test (output in target/node-sdk-tests.log):%n%s", output)
                    .isZero();
            assertThat(output).contains("pass").doesNotContain("# fail 1");
        }
    }
}
