package dev.streamcat.engine.chatgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket chat client for tests (JDK {@link java.net.http.WebSocket}): connects with the token as the
 * subprotocol, collects received JSON frames and the close status. Thread-safe.
 */
final class ChatTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The close the server sent. */
    record Close(int code, String reason) {}

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatTestClient(WebSocket.Builder builder, String url) {
        this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
    }

    /** Connects with {@code token}; throws {@link CompletionException} if the handshake fails. */
    static ChatTestClient connect(String url, String token) {
        return new ChatTestClient(HTTP.newWebSocketBuilder().subprotocols(token), url);
    }

    /** The HTTP status of a refused handshake with {@code builder}'s settings. */
    static int refusedStatus(String url, WebSocket.Builder builder) {
        try {
            builder.buildAsync(URI.create(url), new WebSocket.Listener() {})
                    .join()
                    .abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("handshake was accepted");
    }

    static WebSocket.Builder builder() {
        return HTTP.newWebSocketBuilder();
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next frame; fails after 5 s. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return frame;
    }

    /** The next frame matching {@code test}, skipping others; fails after 5 s. */
    JsonNode next(Predicate<JsonNode> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && test.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    /** Frames that arrive within {@code quiet}. */
    List<JsonNode> drain(Duration quiet) throws InterruptedException {
        var list = new ArrayList<JsonNode>();
        JsonNode frame;
        while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            list.add(frame);
        }
        return list;
    }

    /** The server's close; fails after {@code seconds}. */
    Close awaitClose(long seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(text.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + text, e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Close(1006, String.valueOf(error)));
        }
    }
}
