package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.engine.EngineFixture;
import dev.streamcat.testing.TestDatabases;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keep-alive: every connection is pinged once per interval; one that never answers is closed as idle. */
class ChatGatewayKeepaliveTest {
    private static final Duration PING_INTERVAL = Duration.ofMillis(200);

    private static EngineFixture fixture;
    private static ChatRooms rooms;

    @BeforeAll
    static void start() {
        fixture = EngineFixture.on(
                TestDatabases.h2InMemory(), ChatGatewayConfig.defaults().withPingInterval(PING_INTERVAL));
        rooms = new ChatRooms(fixture.engine().ivsChat());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void closesAConnectionThatNeverAnswersAndKeepsOneThatDoes() throws Exception {
        String room = rooms.room();
        try (var answering = ChatTestClient.connect(
                        fixture.chatUrl(), rooms.token(room, "answers", List.of(), 60, Map.of()));
                var silent = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", fixture.engine().httpPort()));
            StalledClient.handshake(
                    silent, fixture.engine().httpPort(), rooms.token(room, "silent", List.of(), 60, Map.of()));
            silent.setSoTimeout(5_000);
            InputStream in = silent.getInputStream();

            // It reads what the server sends (so it is no slow consumer) but never answers: pings, then a close.
            int pings = 0;
            int closeCode = -1;
            long start = System.nanoTime();
            while (closeCode < 0) {
                int opcode = in.read() & 0x0F;
                int length = in.read() & 0x7F;
                byte[] payload = in.readNBytes(length);
                if (opcode == 0x9) {
                    pings++;
                } else if (opcode == 0x8) {
                    closeCode = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                }
            }
            long closedAfterMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(closeCode).isEqualTo(CloseReason.IDLE.code());
            assertThat(pings).as("about one ping per interval before the close").isBetween(1, 4);
            assertThat(closedAfterMillis)
                    .as("silent for two intervals, checked once per interval")
                    .isBetween(PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis() * 4);
            assertThat(answering.isClosed())
                    .as("the client answering pings stays")
                    .isFalse();
            Thread.sleep(PING_INTERVAL.toMillis() * 3);
            assertThat(answering.isClosed()).isFalse();
        }
    }
}
