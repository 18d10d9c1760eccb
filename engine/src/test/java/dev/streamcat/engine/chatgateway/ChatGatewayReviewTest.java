package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamcat.api.ivschat.MessageReviewHandler;
import dev.streamcat.chat.review.ReviewHandlerResolver;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.testing.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Review handlers end to end: a real local webhook (allow, deny, modify, slow) and the built-in profanity censor. */
class ChatGatewayReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPED_ARN = "arn:aws:lambda:us-west-2:123456789012:function:my-reviewer";

    private static HttpServer webhook;
    private static EngineFixture fixture;
    private static ChatRooms rooms;
    private static String webhookUrl;

    @BeforeAll
    static void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/review", ChatGatewayReviewTest::review);
        webhook.setExecutor(Executors.newFixedThreadPool(4));
        webhook.start();
        webhookUrl = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/review";
        var review = new ReviewHandlerResolver.Config(
                Map.of("my-reviewer", webhookUrl), Optional.empty(), Duration.ofMillis(200));
        fixture = EngineFixture.on(
                TestDatabases.h2InMemory(), ChatGatewayConfig.defaults().withReview(review));
        rooms = new ChatRooms(fixture.engine().ivsChat());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        webhook.stop(0);
    }

    /** Answers by the first word of the content: deny, modify, slow (500 ms, past the deadline) or allow. */
    private static void review(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String content = request.get("Content").asText();
        String answer;
        if (content.startsWith("deny")) {
            answer = "{\"ReviewResult\":\"DENY\"}";
        } else if (content.startsWith("modify")) {
            answer =
                    "{\"ReviewResult\":\"ALLOW\",\"Content\":\"modified by review\",\"Attributes\":{\"reviewed\":\"yes\"}}";
        } else {
            if (content.startsWith("slow")) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer = "{\"ReviewResult\":\"ALLOW\",\"Content\":" + JSON.writeValueAsString(content) + "}";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String send(String content, String requestId) {
        return "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + content + "\",\"RequestId\":\"" + requestId + "\"}";
    }

    private static String room(String uri, String fallback) {
        return rooms.room(null, null, new MessageReviewHandler(uri, fallback), List.of());
    }

    @Test
    void webhookAllowsAndModifiesMessages() throws Exception {
        String room = room(webhookUrl, "ALLOW");
        try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", ChatRooms.ALL))) {
            alice.send(send("allow me", "r1"));
            assertThat(alice.next().get("Content").asText()).isEqualTo("allow me");
            alice.send(send("modify me", "r2"));
            JsonNode modified = alice.next();
            assertThat(modified.get("Content").asText()).isEqualTo("modified by review");
            assertThat(modified.at("/Attributes/reviewed").asText()).isEqualTo("yes");
            assertThat(modified.get("RequestId").asText()).isEqualTo("r2");
        }
    }

    @Test
    void deniedMessageAnswers406ToTheSenderOnly() throws Exception {
        String room = room(MAPPED_ARN, "ALLOW");
        try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", ChatRooms.ALL));
                var bob = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "bob", List.of()))) {
            alice.send(send("deny this", "r1"));
            JsonNode error = alice.next();
            assertThat(error.get("Type").asText()).isEqualTo("ERROR");
            assertThat(error.get("ErrorCode").asInt()).isEqualTo(406);
            assertThat(error.get("RequestId").asText()).isEqualTo("r1");
            assertThat(bob.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void timeoutFallsBackToTheRoomsFallbackResult() throws Exception {
        String denying = room(webhookUrl, "DENY");
        String allowing = room(webhookUrl, "ALLOW");
        try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(denying, "alice", ChatRooms.ALL));
                var carol = ChatTestClient.connect(fixture.chatUrl(), rooms.token(allowing, "carol", ChatRooms.ALL))) {
            alice.send(send("slow one", "r1"));
            assertThat(alice.next().get("ErrorCode").asInt()).isEqualTo(406);
            carol.send(send("slow two", "r2"));
            assertThat(carol.next().get("Content").asText()).isEqualTo("slow two");
        }
    }

    @Test
    void builtInProfanityCensorReplacesWords() throws Exception {
        String room = room("arn:aws:lambda:us-west-2:123456789012:function:streamcat-profanity", "ALLOW");
        try (var alice = ChatTestClient.connect(fixture.chatUrl(), rooms.token(room, "alice", ChatRooms.ALL))) {
            alice.send(send("well shit happens", "r1"));
            assertThat(alice.next().get("Content").asText()).isEqualTo("well @#$%&! happens");
        }
    }
}
