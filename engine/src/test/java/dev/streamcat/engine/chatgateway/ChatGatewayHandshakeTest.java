package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.api.ivschat.DeleteRoomRequest;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatGatewayHandshakeTest {
    private static EngineFixture fixture;
    private static ChatRooms rooms;

    @BeforeAll
    static void start() {
        fixture = EngineFixture.on(TestDatabases.h2InMemory());
        rooms = new ChatRooms(fixture.engine().ivsChat());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void acceptsTokenAtRootAndEchoesItAsSubprotocol() {
        String token = rooms.token(rooms.room(), "alice", List.of());
        try (var client = ChatTestClient.connect(fixture.chatUrl(), token)) {
            assertThat(client.subprotocol()).isEqualTo(token);
        }
    }

    @Test
    void refusesMissingAndInvalidTokensWith401() {
        assertThat(ChatTestClient.refusedStatus(fixture.chatUrl(), ChatTestClient.builder()))
                .isEqualTo(401);
        assertThat(ChatTestClient.refusedStatus(
                        fixture.chatUrl(), ChatTestClient.builder().subprotocols("bm90LWEtdG9rZW4")))
                .isEqualTo(401);
    }

    @Test
    void refusesReusedTokenWith401() {
        String token = rooms.token(rooms.room(), "alice", List.of());
        try (var first = ChatTestClient.connect(fixture.chatUrl(), token)) {
            assertThat(ChatTestClient.refusedStatus(
                            fixture.chatUrl(), ChatTestClient.builder().subprotocols(token)))
                    .isEqualTo(401);
        }
    }

    @Test
    void refusesTokenPresentedAfterItsMinuteWith401() {
        String token = rooms.token(rooms.room(), "alice", List.of());
        fixture.clock().advance(Duration.ofSeconds(61));
        assertThat(ChatTestClient.refusedStatus(
                        fixture.chatUrl(), ChatTestClient.builder().subprotocols(token)))
                .isEqualTo(401);
    }

    @Test
    void refusesTokenOfDeletedRoomWith404() {
        String room = rooms.room();
        String token = rooms.token(room, "alice", List.of());
        fixture.engine().ivsChat().deleteRoom(new DeleteRoomRequest(room));
        assertThat(ChatTestClient.refusedStatus(
                        fixture.chatUrl(), ChatTestClient.builder().subprotocols(token)))
                .isEqualTo(404);
    }

    @Test
    void refusesUpgradeOnOtherPaths() {
        String token = rooms.token(rooms.room(), "alice", List.of());
        assertThat(ChatTestClient.refusedStatus(
                        fixture.chatUrl() + "/chat", ChatTestClient.builder().subprotocols(token)))
                .isEqualTo(404);
    }

    @Test
    void closesSessionAtExpiryAfterAnUnauthorizedError() throws Exception {
        String token = rooms.token(rooms.room(), "alice", List.of(), 1, Map.of());
        fixture.clock().advance(Duration.ofMillis(59_300));
        try (var client = ChatTestClient.connect(fixture.chatUrl(), token)) {
            var error = client.next();
            assertThat(error.get("Type").asText()).isEqualTo("ERROR");
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(401);
            assertThat(client.awaitClose(5)).isEqualTo(new ChatTestClient.Close(1000, "Session expired"));
        }
    }

    @Test
    void deletingTheRoomClosesItsConnectionsWith1001() throws Exception {
        String room = rooms.room();
        try (var client = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", List.of()))) {
            fixture.engine().ivsChat().deleteRoom(new DeleteRoomRequest(room));
            assertThat(client.awaitClose(5)).isEqualTo(new ChatTestClient.Close(1001, "Room closed"));
        }
    }

    @Test
    void closesBinaryMessagesWith1003() throws Exception {
        try (var client = ChatTestClient.connect(fixture.chatUrl(), rooms.token(rooms.room(), "alice", List.of()))) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.awaitClose(5).code()).isEqualTo(1003);
        }
    }

    @Test
    void closesOversizedFramesWith1009() throws Exception {
        try (var client = ChatTestClient.connect(fixture.chatUrl(), rooms.token(rooms.room(), "alice", List.of()))) {
            client.send("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + "x".repeat(20_000) + "\"}");
            assertThat(client.awaitClose(5).code()).isEqualTo(1009);
        }
    }
}
