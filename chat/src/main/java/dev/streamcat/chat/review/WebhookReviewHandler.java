package dev.streamcat.chat.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The self-hosted equivalent of a review Lambda: POSTs the IVS review request JSON to an HTTP(S) endpoint and reads the
 * IVS review response JSON. Any non-2xx status, an oversized body ({@link ReviewBounds#maxResponseBytes()}) or an
 * invalid answer completes the stage exceptionally, so the room's fallback applies.
 *
 * <p>When a secret is configured the request carries {@value #SIGNATURE_HEADER}{@code : sha256=<hex>}, the lower-case
 * hex HMAC-SHA256 of the exact request body under the secret (the same scheme as GitHub's
 * {@code X-Hub-Signature-256}); receivers recompute it and compare in constant time.
 *
 * <p>Thread-safe. Never blocks the caller: the request goes through {@link HttpClient#sendAsync}; the returned stage
 * completes on the client's executor.
 */
public final class WebhookReviewHandler implements MessageReviewHandler {
    /** Header carrying the body signature. */
    public static final String SIGNATURE_HEADER = "X-StreamCat-Signature-256";

    private static final String HMAC = "HmacSHA256";

    private final HttpClient client;
    private final URI endpoint;
    private final Optional<SecretKeySpec> secret;
    private final Duration timeout;
    private final ReviewBounds bounds;
    private final ReviewCodec codec = new ReviewCodec();

    /**
     * @param client shared HTTP client
     * @param endpoint {@code http} or {@code https} URI
     * @param secret signing secret, empty for unsigned requests
     * @param timeout per-request timeout (the reviewer's deadline applies on top)
     */
    public WebhookReviewHandler(
            HttpClient client, URI endpoint, Optional<String> secret, Duration timeout, ReviewBounds bounds) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("webhook must be http or https: " + endpoint);
        }
        this.secret =
                secret.filter(s -> !s.isEmpty()).map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), HMAC));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /** The endpoint requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public CompletionStage<ReviewVerdict> review(ReviewRequest request) {
        byte[] body = codec.encodeRequest(request);
        var http = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "StreamCat-Chat-Review")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(key -> http.header(SIGNATURE_HEADER, signature(key, body)));
        return client.sendAsync(http.build(), info -> BoundedBodySubscriber.create(bounds.maxResponseBytes()))
                .thenCompose(response -> verdict(response, request));
    }

    private CompletableFuture<ReviewVerdict> verdict(HttpResponse<byte[]> response, ReviewRequest request) {
        if (response.statusCode() / 100 != 2) {
            return CompletableFuture.failedFuture(
                    new InvalidReviewResponseException("webhook answered HTTP " + response.statusCode()));
        }
        try {
            return CompletableFuture.completedFuture(codec.decodeResponse(response.body(), request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@code sha256=<hex HMAC-SHA256(body)>} under {@code secret}. */
    public static String signature(String secret, byte[] body) {
        return signature(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC), body);
    }

    private static String signature(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
