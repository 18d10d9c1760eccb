package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.TestDatabases;
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
    @TempDir
    Path dataDir;

    @Test
    void officialClientsPassAgainstTheEngine() throws Exception {
        Path node = NodeTests.prepare("@aws-sdk/client-ivs");
        try (RunningServer server = new RunningServer(dataDir, TestDatabases.h2File(dataDir))) {
            String output = NodeTests.run(
                    node,
                    "node-sdk-tests.log",
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
                            RunningServer.SECRET_ACCESS_KEY));
            assertThat(output).contains("pass").doesNotContain("fail 1");
        }
    }
}
