package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.engine.api.SignedClient;
import dev.streamcat.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatGatewayMessagingTest {
    private static EngineFixture fixture;
    private static ChatRooms rooms;
    private static SignedClient api;

    @BeforeAll
    static void start() {
        fixture = EngineFixture.on(TestDatabases.h2InMemory());
        rooms = new ChatRooms(fixture.engine().ivsChat());
        api = new SignedClient(fixture.endpoint(), EngineFixture.CREDENTIALS, EngineFixture.REGION);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ChatTestClient connect(String room, String user, List<String> capabilities) {
        return ChatTestClient.connect(
                fixture.chatUrl(), rooms.token(room, user, capabilities, 60, Map.of("color", "blue")));
    }

    private static String send(String content, String requestId) {
        return "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + content + "\",\"RequestId\":\"" + requestId
                + "\",\"Attributes\":{\"k\":\"v\"}}";
    }

    @Test
    void deliversMessageToEveryoneIncludingTheSenderWithItsRequestId() throws Exception {
        String room = rooms.room();
        try (var alice = connect(room, "alice", ChatRooms.ALL);
                var bob = connect(room, "bob", List.of())) {
            alice.send(send("hello", "req-1"));
            for (JsonNode frame : List.of(alice.next(), bob.next())) {
                assertThat(frame.get("Type").asText()).isEqualTo("MESSAGE");
                assertThat(frame.get("Content").asText()).isEqualTo("hello");
                assertThat(frame.get("RequestId").asText()).isEqualTo("req-1");
                assertThat(frame.get("Id").asText()).matches("[A-Za-z0-9]{12}");
                assertThat(frame.at("/Attributes/k").asText()).isEqualTo("v");
                assertThat(frame.at("/Sender/UserId").asText()).isEqualTo("alice");
                assertThat(frame.at("/Sender/Attributes/color").asText()).isEqualTo("blue");
                assertThat(frame.get("SendTime").asText()).endsWith("Z");
            }
        }
    }

    @Test
    void answers403WhenTheTokenLacksTheCapability() throws Exception {
        String room = rooms.room();
        try (var viewer = connect(room, "viewer", List.of())) {
            viewer.send(send("hi", "r1"));
            JsonNode error = viewer.next();
            assertThat(error.get("Type").asText()).isEqualTo("ERROR");
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(403);
            assertThat(error.get("RequestId").asText()).isEqualTo("r1");
        }
    }

    @Test
    void answers429OverTheRoomRate() throws Exception {
        String room = rooms.room(1, null, null, List.of());
        try (var alice = connect(room, "alice", ChatRooms.ALL)) {
            alice.send(send("one", "r1"));
            alice.send(send("two", "r2"));
            assertThat(alice.next().get("Type").asText()).isEqualTo("MESSAGE");
            JsonNode error = alice.next();
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(429);
            assertThat(error.get("RequestId").asText()).isEqualTo("r2");
        }
    }

    @Test
    void answers413OverTheRoomLengthCountedInCodePoints() throws Exception {
        String room = rooms.room(null, 3, null, List.of());
        try (var alice = connect(room, "alice", ChatRooms.ALL)) {
            alice.send(send("😀😀😀", "fits"));
            alice.send(send("😀😀😀😀", "too-long"));
            assertThat(alice.next().get("Content").asText()).isEqualTo("😀😀😀");
            JsonNode error = alice.next();
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(413);
            assertThat(error.get("RequestId").asText()).isEqualTo("too-long");
        }
    }

    @Test
    void controlApiSendEventReachesClients() throws Exception {
        String room = rooms.room();
        try (var bob = connect(room, "bob", List.of())) {
            var response = api.post(
                    "ivschat",
                    "SendEvent",
                    "{\"roomIdentifier\":\"" + room + "\",\"eventName\":\"app:poll\",\"attributes\":{\"q\":\"1\"}}");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode event = bob.next();
            assertThat(event.get("Type").asText()).isEqualTo("EVENT");
            assertThat(event.get("EventName").asText()).isEqualTo("app:poll");
            assertThat(event.at("/Attributes/q").asText()).isEqualTo("1");
            assertThat(response.body()).contains("\"id\":\"" + event.get("Id").asText() + "\"");
        }
    }

    @Test
    void controlApiDeleteMessageSendsBothMessageIdSpellings() throws Exception {
        String room = rooms.room();
        try (var alice = connect(room, "alice", ChatRooms.ALL)) {
            alice.send(send("oops", "r1"));
            String messageId = alice.next().get("Id").asText();
            var response = api.post(
                    "ivschat",
                    "DeleteMessage",
                    "{\"roomIdentifier\":\"" + room + "\",\"id\":\"" + messageId + "\",\"reason\":\"spam\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode event = alice.next();
            assertThat(event.get("EventName").asText()).isEqualTo("aws:DELETE_MESSAGE");
            assertThat(event.at("/Attributes/MessageID").asText()).isEqualTo(messageId);
            assertThat(event.at("/Attributes/MessageId").asText()).isEqualTo(messageId);
            assertThat(event.at("/Attributes/Reason").asText()).isEqualTo("spam");
        }
    }

    @Test
    void controlApiDisconnectUserClosesEveryConnectionOfTheUserCleanly() throws Exception {
        String room = rooms.room();
        try (var troll1 = connect(room, "troll", List.of());
                var troll2 = connect(room, "troll", List.of());
                var bob = connect(room, "bob", List.of())) {
            var response = api.post(
                    "ivschat",
                    "DisconnectUser",
                    "{\"roomIdentifier\":\"" + room + "\",\"userId\":\"troll\",\"reason\":\"rude\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            for (var troll : List.of(troll1, troll2)) {
                assertThat(troll.next().get("EventName").asText()).isEqualTo("aws:DISCONNECT_USER");
                assertThat(troll.awaitClose(5)).isEqualTo(new ChatTestClient.Close(1000, "Disconnected by moderator"));
            }
            assertThat(bob.next().at("/Attributes/UserId").asText()).isEqualTo("troll");
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Test
    void dropsASlowConsumerWithoutHurtingOthers() throws Exception {
        String room = rooms.room();
        var messaging = fixture.engine().chatGateway().messaging();
        try (var slow = new StalledClient(fixture.engine().httpPort(), rooms.token(room, "slow", List.of()));
                var fast = connect(room, "fast", List.of())) {
            // Both clients must have joined the room before the burst: the handshake answer reaches a client
            // just before the gateway adds its connection to the room.
            long joined = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fixture.engine().chatGateway().connectionCount() < 2 && System.nanoTime() < joined) {
                Thread.sleep(10);
            }
            messaging.sendEvent(room, "ready", Map.of());
            assertThat(fast.next().get("EventName").asText()).isEqualTo("ready");
            // Bigger than the API allows (the room does not check), so the kernel's socket buffers fill quickly.
            Map<String, String> big = Map.of("pad", "x".repeat(8000));
            int events = 5_000;
            for (int i = 0; i < events; i++) {
                messaging.sendEvent(room, "e" + i, big);
                if (i % 10 == 9) {
                    Thread.sleep(5); // about 16 MB/s: the reading client keeps up, the stalled one cannot
                }
            }
            for (int i = 0; i < events; i++) {
                try {
                    assertThat(fast.next().get("EventName").asText()).isEqualTo("e" + i);
                } catch (AssertionError e) {
                    throw new AssertionError(
                            "at " + i + " conns "
                                    + fixture.engine().chatGateway().connectionCount() + " closed " + fast.isClosed()
                                    + " " + (fast.isClosed() ? fast.awaitClose(1) : ""),
                            e);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (fixture.engine().chatGateway().connectionCount() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(fixture.engine().chatGateway().connectionCount()).isEqualTo(1);
        }
    }
}
