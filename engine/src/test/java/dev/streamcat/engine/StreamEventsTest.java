package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.engine.event.StreamStateEvent;
import dev.streamcat.engine.event.WebhookTarget;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stream events reach in-process listeners and a signed, retried webhook in the order they happened. */
@ExtendWith(NettyLeakDetectionExtension.class)
class StreamEventsTest {
    private static final String SECRET = "webhook-secret-0123456789";
    private static final List<String> LIFECYCLE =
            List.of("Session Created", "Stream Start", "Stream End", "Session Ended");

    private record Delivery(String body, String timestamp, String signature) {}

    @Test
    void deliversStateChangesInOrderToListenersAndSignedRetriedWebhooks() throws Exception {
        ExternalTools.require("ffmpeg");
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = attempts.incrementAndGet() == 1 ? 500 : 204; // the first delivery is retried
            if (status == 204) {
                deliveries.add(new Delivery(
                        body,
                        exchange.getRequestHeaders().getFirst("X-StreamCat-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-StreamCat-Signature")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        LiveVideoConfig live = LiveVideoConfig.rtmp(0).withWebhooks(List.of(new WebhookTarget(hook, SECRET)));
        List<StreamStateEvent> heard = new CopyOnWriteArrayList<>();
        try (EngineFixture fixture = EngineFixture.on(TestDatabases.h2InMemory(), live)) {
            fixture.engine().addStreamEventListener(heard::add);
            LiveIngestTest.fixtureOverride(fixture);
            CreateChannelResponse channel = LiveIngestTest.newChannel();
            try (var ffmpeg =
                    FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 3)) {
                assertThat(ffmpeg.exitCode(30)).isZero();
            }
            Poll.until(Duration.ofSeconds(10), "listener events", () -> heard.size() >= LIFECYCLE.size());
            assertThat(heard).extracting(StreamStateEvent::eventName).containsExactlyElementsOf(LIFECYCLE);
            StreamStateEvent first = heard.getFirst();
            assertThat(first.source()).isEqualTo("aws.ivs");
            assertThat(first.detailType()).isEqualTo("IVS Stream State Change");
            assertThat(first.resources()).containsExactly(channel.channel().arn());
            assertThat(first.account()).isEqualTo(EngineFixture.ACCOUNT);
            assertThat(first.detail()).containsKey("stream_id");

            Poll.until(Duration.ofSeconds(15), "webhook deliveries", () -> deliveries.size() >= LIFECYCLE.size());
        } finally {
            LiveIngestTest.fixtureOverride(null);
            receiver.stop(0);
        }
        assertThat(attempts.get()).isEqualTo(LIFECYCLE.size() + 1);
        List<String> names = deliveries.stream()
                .map(d -> json(d.body()).get("detail").get("event_name").asText())
                .toList();
        assertThat(names).containsExactlyElementsOf(LIFECYCLE);
        for (Delivery d : deliveries) {
            assertThat(d.signature()).isEqualTo("v1=" + hmac(d.timestamp() + "." + d.body()));
            assertThat(json(d.body()).get("detail-type").asText()).isEqualTo("IVS Stream State Change");
        }
    }

    private static JsonNode json(String body) {
        try {
            return EngineJson.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String hmac(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
