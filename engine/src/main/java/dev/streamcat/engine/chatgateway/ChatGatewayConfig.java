package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.review.BlockedTermsFilter;
import dev.streamcat.chat.review.ReviewHandlerResolver;
import dev.streamcat.chat.room.RoomSettings;
import dev.streamcat.engine.storage.S3Endpoint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat gateway's frozen settings (every value documented in {@code docs/design/chat-gateway.md}).
 *
 * @param maxFrameBytes largest inbound WebSocket frame and message (bigger ones close the connection with 1009)
 * @param maxQueuedFrames outbound writes a connection may have unwritten before it is dropped as a slow consumer (a
 *     fan-out tick's batch counts as one write)
 * @param maxQueuedBytes outbound bytes a connection may have unwritten before it is dropped as a slow consumer
 * @param pingInterval how often each connection is pinged (the pings are spread over the interval, not sent as one
 *     burst); one that sends nothing (not even a pong) for two intervals is closed
 * @param allowedOrigins when not empty, handshakes whose {@code Origin} header is present and not listed are refused
 *     with 403; empty (the default) checks no origin, as tokens already authorise the connection
 * @param historySize recent messages replayed to late joiners (0, the IVS behaviour, by default)
 * @param review Lambda function name mapping and webhook settings for {@code messageReviewHandler.uri}
 * @param profanityWords the word list of the built-in {@code profanity} censor (one word or phrase a line); empty uses
 *     the bundled English list
 * @param blockedTerms the policy of the built-in {@code blocked-terms} filter (default: no terms, links blocked)
 * @param firehose where {@code firehose} logging destinations are delivered
 * @param s3 the S3-compatible endpoint {@code s3} logging destinations upload to; empty (the default) keeps the objects
 *     on local disk under {@code <dataDir>/chat-logs/s3/<bucketName>}
 * @param fanoutInterval how long a room's first broadcast frame waits for others before they are handed to the event
 *     loops together; zero hands each frame over at once (under load the loops' sweeps batch anyway). At most {@link #MAX_FANOUT_INTERVAL}
 *     <p>Immutable; thread-safe.
 */
public record ChatGatewayConfig(
        int maxFrameBytes,
        int maxQueuedFrames,
        int maxQueuedBytes,
        Duration pingInterval,
        List<String> allowedOrigins,
        int historySize,
        ReviewHandlerResolver.Config review,
        Optional<Path> profanityWords,
        BlockedTermsFilter.Policy blockedTerms,
        FirehoseEndpoints firehose,
        Optional<S3Endpoint> s3,
        Duration fanoutInterval) {

    /** The longest fan-out tick allowed (the benchmark target is a p99 delivery latency of 250 ms). */
    public static final Duration MAX_FANOUT_INTERVAL = Duration.ofMillis(100);

    /** The default fan-out tick (see {@code docs/benchmarks.md}, chat). */
    public static final Duration DEFAULT_FANOUT_INTERVAL = Duration.ofMillis(ChatGatewayConfig.DEFAULT_FANOUT_MILLIS);

    private static final long DEFAULT_FANOUT_MILLIS = 0;

    public ChatGatewayConfig {
        if (maxFrameBytes < 1024 || maxQueuedFrames < 1 || maxQueuedBytes < maxFrameBytes) {
            throw new IllegalArgumentException(
                    "chat limits: maxFrameBytes >= 1024, maxQueuedFrames >= 1, maxQueuedBytes >= maxFrameBytes");
        }
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("chat pingInterval must be positive");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (historySize < 0 || historySize > RoomSettings.MAX_HISTORY) {
            throw new IllegalArgumentException("chat historySize must be 0-" + RoomSettings.MAX_HISTORY);
        }
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(profanityWords, "profanityWords");
        Objects.requireNonNull(blockedTerms, "blockedTerms");
        Objects.requireNonNull(firehose, "firehose");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(fanoutInterval, "fanoutInterval");
        if (fanoutInterval.isNegative() || fanoutInterval.compareTo(MAX_FANOUT_INTERVAL) > 0) {
            throw new IllegalArgumentException(
                    "chat fanoutInterval must be 0-" + MAX_FANOUT_INTERVAL.toMillis() + " ms");
        }
    }

    /**
     * 16 KiB frames, 256 writes or 1 MiB queued per connection, pings every 30 s, no origin check, no history, a
     * {@value #DEFAULT_FANOUT_MILLIS} ms fan-out tick.
     */
    public static ChatGatewayConfig defaults() {
        return new ChatGatewayConfig(
                16 * 1024,
                256,
                1024 * 1024,
                Duration.ofSeconds(30),
                List.of(),
                0,
                ReviewHandlerResolver.Config.defaults(),
                Optional.empty(),
                new BlockedTermsFilter.Policy(List.of(), true, List.of()),
                FirehoseEndpoints.none(),
                Optional.empty(),
                DEFAULT_FANOUT_INTERVAL);
    }

    /** A copy with another outbound queue bound (frames and bytes). */
    public ChatGatewayConfig withOutboundQueue(int frames, int bytes) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                frames,
                bytes,
                pingInterval,
                allowedOrigins,
                historySize,
                review,
                profanityWords,
                blockedTerms,
                firehose,
                s3,
                fanoutInterval);
    }

    /** A copy with another review configuration. */
    public ChatGatewayConfig withReview(ReviewHandlerResolver.Config newReview) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                maxQueuedFrames,
                maxQueuedBytes,
                pingInterval,
                allowedOrigins,
                historySize,
                newReview,
                profanityWords,
                blockedTerms,
                firehose,
                s3,
                fanoutInterval);
    }

    /** A copy with other Firehose endpoints. */
    public ChatGatewayConfig withFirehose(FirehoseEndpoints newFirehose) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                maxQueuedFrames,
                maxQueuedBytes,
                pingInterval,
                allowedOrigins,
                historySize,
                review,
                profanityWords,
                blockedTerms,
                newFirehose,
                s3,
                fanoutInterval);
    }

    /** A copy whose {@code s3} logging destinations upload to {@code endpoint}. */
    public ChatGatewayConfig withS3(S3Endpoint endpoint) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                maxQueuedFrames,
                maxQueuedBytes,
                pingInterval,
                allowedOrigins,
                historySize,
                review,
                profanityWords,
                blockedTerms,
                firehose,
                Optional.of(endpoint),
                fanoutInterval);
    }

    /** A copy with another keep-alive ping interval. */
    public ChatGatewayConfig withPingInterval(Duration interval) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                maxQueuedFrames,
                maxQueuedBytes,
                interval,
                allowedOrigins,
                historySize,
                review,
                profanityWords,
                blockedTerms,
                firehose,
                s3,
                fanoutInterval);
    }

    /** A copy with another fan-out tick. */
    public ChatGatewayConfig withFanoutInterval(Duration interval) {
        return new ChatGatewayConfig(
                maxFrameBytes,
                maxQueuedFrames,
                maxQueuedBytes,
                pingInterval,
                allowedOrigins,
                historySize,
                review,
                profanityWords,
                blockedTerms,
                firehose,
                s3,
                interval);
    }

    /**
     * HTTP endpoints (Firehose HTTP endpoint delivery format) for {@code firehose} logging destinations: one per
     * {@code deliveryStreamName}, else the default; a destination with neither is not delivered (a warning is logged
     * when a room using it opens).
     *
     * <p>Immutable; thread-safe.
     */
    public record FirehoseEndpoints(Map<String, URI> byStream, Optional<URI> fallback, Optional<String> accessKey) {
        public FirehoseEndpoints {
            byStream = Map.copyOf(byStream);
            Objects.requireNonNull(fallback, "fallback");
            Objects.requireNonNull(accessKey, "accessKey");
        }

        /** No endpoints: Firehose destinations are not delivered. */
        public static FirehoseEndpoints none() {
            return new FirehoseEndpoints(Map.of(), Optional.empty(), Optional.empty());
        }

        /** The endpoint for {@code deliveryStreamName}. */
        public Optional<URI> endpoint(String deliveryStreamName) {
            return Optional.ofNullable(byStream.get(deliveryStreamName)).or(() -> fallback);
        }
    }
}
