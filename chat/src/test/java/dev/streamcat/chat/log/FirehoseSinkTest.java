package dev.streamcat.chat.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirehoseSinkTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void postsBatchesInTheFirehoseHttpEndpointFormatAndRetries() throws Exception {
        List<String> records = Collections.synchronizedList(new ArrayList<>());
        List<String> requestIds = Collections.synchronizedList(new ArrayList<>());
        var calls = new AtomicInteger();
        var mapper = new ObjectMapper();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/firehose", exchange -> {
            JsonNode body = mapper.readTree(exchange.getRequestBody().readAllBytes());
            boolean fail = calls.incrementAndGet() == 1;
            if (!fail) {
                requestIds.add(exchange.getRequestHeaders().getFirst("X-Amz-Firehose-Request-Id"));
                assertThat(body.get("requestId").asText()).isEqualTo(requestIds.getLast());
                for (JsonNode record : body.get("records")) {
                    records.add(new String(
                            Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            var endpoint = FirehoseSink.Endpoint.of(
                    "chat-stream",
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/firehose"));
            try (var sink = FirehoseSink.open(client, endpoint, InstantSource.fixed(T0), SinkOptions.defaults())) {
                for (int i = 0; i < 3; i++) {
                    sink.offer(LogFixtures.message("room1", T0, i));
                }
            }
        } finally {
            server.stop(0);
            client.close();
        }

        assertThat(records).hasSize(3);
        assertThat(records.getFirst())
                .startsWith("{\"event_timestamp\":\"2024-03-01T12:00:00.000Z\"")
                .endsWith("}\n");
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }
}
