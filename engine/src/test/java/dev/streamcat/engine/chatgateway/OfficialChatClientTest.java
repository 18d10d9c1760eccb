package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.engine.EngineFixture;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code it/src/test/node/chat-messaging.test.mjs}: the official {@code amazon-ivs-chat-messaging} client with
 * tokens from {@code @aws-sdk/client-ivschat}, against a real engine. Needs node and {@code npm ci} in that folder.
 */
class OfficialChatClientTest {
    private static final Path NODE_DIR = Path.of("..", "it", "src", "test", "node");

    @Test
    void officialMessagingClientConnectsSendsDeletesDisconnectsAndReceivesEvents() throws Exception {
        Path node = ExternalTools.require("node");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/amazon-ivs-chat-messaging"))) {
            String message = "run npm ci in " + NODE_DIR.toAbsolutePath().normalize();
            if (ExternalTools.required()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        try (var fixture = EngineFixture.on(TestDatabases.h2InMemory())) {
            Path log = Files.createTempFile("chat-messaging-node", ".log");
            int exit = ExternalTools.run(
                    NODE_DIR,
                    log,
                    120,
                    Map.of(
                            "STREAMCAT_ENDPOINT", fixture.endpoint(),
                            "STREAMCAT_CHAT_URL", fixture.chatUrl(),
                            "STREAMCAT_REGION", EngineFixture.REGION,
                            "AWS_ACCESS_KEY_ID", EngineFixture.CREDENTIALS.accessKeyId(),
                            "AWS_SECRET_ACCESS_KEY", EngineFixture.CREDENTIALS.secretAccessKey()),
                    node.toString(),
                    "--test",
                    "--test-concurrency=1",
                    "chat-messaging.test.mjs");
            assertThat(exit).as(Files.readString(log)).isZero();
        }
    }
}
