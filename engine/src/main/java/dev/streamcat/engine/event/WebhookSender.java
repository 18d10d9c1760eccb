package dev.streamcat.engine.event;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one webhook, in order: {@code POST} of the event JSON with {@code
 * X-StreamCat-Event-Id}, {@code X-StreamCat-Timestamp} (epoch seconds) and {@code
 * X-StreamCat-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A non-2xx answer or a
 * network error is retried with exponential backoff ({@value #ATTEMPTS} attempts from {@value
 * #FIRST_BACKOFF_MS} ms, doubling), then the event is dropped and logged.
 *
 * <p>Thread-safe: {@link #offer} never blocks (a full queue drops the event); one virtual thread sends.
 */
final class WebhookSender implements AutoCloseable {
    static final int ATTEMPTS = 6;
    static final long FIRST_BACKOFF_MS = 500;
    static final int QUEUE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private record Pending(String id, String json) {}

    /** Queued by {@link #close} to wake the worker; never sent (compared by identity). */
    private static final Pending STOP = new Pending("", "");

    private final WebhookTarget target;
    private final HttpClient http;
    private final InstantSource clock;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private volatile boolean closed;

    WebhookSender(WebhookTarget target, HttpClient http, InstantSource clock) {
        this.target = target;
        this.http = http;
        this.clock = clock;
        this.worker =
                Thread.ofVirtual().name("webhook-" + target.url().getHost()).start(this::run);
    }

    void offer(String eventId, String json) {
        if (!queue.offer(new Pending(eventId, json))) {
            LOG.warn("webhook {} is too far behind: event {} dropped", target.url(), eventId);
        }
    }

    /** Blocks on the queue (no timed polling); {@link #close} wakes it with {@link #STOP}. */
    private void run() {
        try {
            while (!closed || !queue.isEmpty()) {
                Pending next = queue.take();
                if (next != STOP) {
                    deliver(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Pending event) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String problem;
            try {
                int status = send(event);
                if (status / 100 == 2) {
                    return;
                }
                problem = "HTTP " + status;
            } catch (IOException e) {
                problem = e.toString();
            }
            if (attempt == ATTEMPTS || closed) {
                LOG.warn(
                        "webhook {} failed for event {} after {} attempts: {}",
                        target.url(),
                        event.id(),
                        attempt,
                        problem);
                return;
            }
            Thread.sleep(backoff);
            backoff *= 2;
        }
    }

    private int send(Pending event) throws IOException, InterruptedException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "StreamCat-Events/1")
                .header("X-StreamCat-Event-Id", event.id())
                .header("X-StreamCat-Timestamp", timestamp)
                .header("X-StreamCat-Signature", "v1=" + sign(target.secret(), timestamp + "." + event.json()))
                .POST(HttpRequest.BodyPublishers.ofString(event.json(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Hex HMAC-SHA256 of {@code payload}; receivers recompute it to verify. */
    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Sends what is queued (retries are cut short), for at most 5 s. */
    @Override
    public void close() {
        closed = true;
        // Wakes the worker if it waits; if the queue is full the worker is busy and sees `closed` once it is empty.
        queue.offer(STOP);
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
