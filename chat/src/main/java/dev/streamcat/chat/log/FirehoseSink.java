package dev.streamcat.chat.log;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The self-hosted Kinesis Data Firehose destination: POSTs batches of log records to a configured HTTP endpoint in the
 * request format of Firehose's HTTP endpoint delivery, so any receiver built for Firehose HTTP endpoints works:
 * {@code {"requestId":"<uuid>","timestamp":<epoch ms>,"records":[{"data":"<base64 of one record + \n>"}, ...]}},
 * headers {@code Content-Type: application/json}, {@code X-Amz-Firehose-Request-Id} and, when configured,
 * {@code X-Amz-Firehose-Access-Key}; a 2xx answer acknowledges the batch. Failed posts are retried
 * {@link Endpoint#maxAttempts()} times with doubling back-off from 200 ms, then the batch is counted as failed.
 *
 * <p>Thread-safe (see {@link ChatLogSink}); HTTP calls block only the sink's own writer thread.
 */
public final class FirehoseSink extends WorkerSink {

    /**
     * Delivery endpoint: URL, optional access key, per-request timeout (default 10 s), attempts per batch (default 3).
     *
     * <p>Immutable; thread-safe.
     */
    public record Endpoint(
            String deliveryStreamName, URI url, Optional<String> accessKey, Duration timeout, int maxAttempts) {
        public Endpoint {
            Objects.requireNonNull(deliveryStreamName, "deliveryStreamName");
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("firehose endpoint must be http(s): " + url);
            }
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(timeout, "timeout");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        /** An endpoint without access key, 10 s timeout, 3 attempts. */
        public static Endpoint of(String deliveryStreamName, URI url) {
            return new Endpoint(deliveryStreamName, url, Optional.empty(), Duration.ofSeconds(10), 3);
        }
    }

    private FirehoseSink(String name, BatchWriter writer, SinkOptions options) {
        super(name, writer, options);
    }

    /** Opens a sink posting to {@code endpoint}. */
    public static FirehoseSink open(HttpClient client, Endpoint endpoint, InstantSource clock, SinkOptions options) {
        var writer = new FirehoseWriter(client, endpoint, clock);
        return new FirehoseSink("firehose-" + endpoint.deliveryStreamName(), writer, options);
    }
}
