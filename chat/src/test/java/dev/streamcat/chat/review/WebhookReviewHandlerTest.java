package dev.streamcat.chat.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReviewHandlerTest {
    private static final ReviewRequest REQUEST = MessageReviewerTest.REQUEST;

    private final AtomicReference<String> answer = new AtomicReference<>("{\"ReviewResult\":\"ALLOW\"}");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<Long> delayMillis = new AtomicReference<>(0L);
    private final AtomicReference<String> receivedBody = new AtomicReference<>("");
    private final AtomicReference<String> receivedSignature = new AtomicReference<>("");
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/review", this::answer);
        server.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        client.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        receivedSignature.set(
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(WebhookReviewHandler.SIGNATURE_HEADER))
                        .orElse(""));
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status.get(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void postsTheIvsRequestAndAppliesARewrite() throws Exception {
        answer.set("{\"ReviewResult\":\"ALLOW\",\"Content\":\"h*llo\",\"Attributes\":{\"flag\":\"1\"}}");

        ReviewVerdict verdict = review(reviewer(FallbackResult.DENY, Optional.empty()));

        assertThat(verdict).isEqualTo(new ReviewVerdict.Allow("h*llo", Map.of("flag", "1")));
        assertThat(receivedBody.get())
                .isEqualTo("{\"Content\":\"hello\",\"MessageId\":\"AbCdEfGhIjKl\","
                        + "\"RoomArn\":\"arn:aws:ivschat:us-west-2:123456789012:room/AbCdEfGhIjKl\","
                        + "\"Attributes\":{\"a\":\"b\"},"
                        + "\"Sender\":{\"Attributes\":{\"username\":\"cat\"},\"UserId\":\"42\",\"Ip\":\"127.0.0.1\"}}");
        assertThat(receivedSignature.get()).isEmpty();
    }

    @Test
    void keepsOriginalContentWhenAnAllowOmitsIt() throws Exception {
        assertThat(review(reviewer(FallbackResult.DENY, Optional.empty()))).isEqualTo(REQUEST.allowUnchanged());
    }

    @Test
    void deliversADeny() throws Exception {
        answer.set("{\"ReviewResult\":\"DENY\"}");

        assertThat(review(reviewer(FallbackResult.ALLOW, Optional.empty()))).isEqualTo(new ReviewVerdict.Deny());
    }

    @Test
    void signsTheBodyWhenASecretIsConfigured() throws Exception {
        review(reviewer(FallbackResult.DENY, Optional.of("s3cret")));

        assertThat(receivedSignature.get())
                .startsWith("sha256=")
                .isEqualTo(WebhookReviewHandler.signature(
                        "s3cret", receivedBody.get().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fallsBackOnInvalidAnswers() throws Exception {
        for (String invalid : List.of(
                "not json",
                "{\"Content\":\"x\"}",
                "{\"ReviewResult\":\"MAYBE\"}",
                "[]",
                "{\"ReviewResult\":\"ALLOW\",\"Content\":\"" + "x".repeat(501) + "\"}",
                "{\"ReviewResult\":\"ALLOW\",\"Attributes\":{\"k\":1}}")) {
            answer.set(invalid);
            assertThat(review(reviewer(FallbackResult.DENY, Optional.empty())))
                    .as("answer %s", invalid)
                    .isEqualTo(new ReviewVerdict.Deny());
        }
    }

    @Test
    void fallsBackOnHttpErrorsAndOversizedBodies() throws Exception {
        status.set(500);
        assertThat(review(reviewer(FallbackResult.DENY, Optional.empty()))).isEqualTo(new ReviewVerdict.Deny());

        status.set(200);
        answer.set("{\"ReviewResult\":\"DENY\",\"Pad\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(review(reviewer(FallbackResult.ALLOW, Optional.empty()))).isEqualTo(REQUEST.allowUnchanged());
    }

    @Test
    void fallsBackWhenTheWebhookIsTooSlow() throws Exception {
        delayMillis.set(1_000L);
        answer.set("{\"ReviewResult\":\"DENY\"}");
        var reviewer = new MessageReviewer(
                handler(Optional.empty()), FallbackResult.ALLOW, Duration.ofMillis(100), ReviewBounds.defaults());
        long started = System.nanoTime();

        ReviewVerdict verdict = review(reviewer);

        assertThat(verdict).isEqualTo(REQUEST.allowUnchanged());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
    }

    private WebhookReviewHandler handler(Optional<String> secret) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/review");
        return new WebhookReviewHandler(client, uri, secret, Duration.ofSeconds(2), ReviewBounds.defaults());
    }

    private MessageReviewer reviewer(FallbackResult fallback, Optional<String> secret) {
        return new MessageReviewer(handler(secret), fallback, Duration.ofSeconds(2), ReviewBounds.defaults());
    }

    private static ReviewVerdict review(MessageReviewer reviewer) throws Exception {
        return reviewer.review(REQUEST, 500).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
