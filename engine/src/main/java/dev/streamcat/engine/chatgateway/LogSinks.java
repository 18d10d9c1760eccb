package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.log.ChatLogSink;
import dev.streamcat.chat.log.CloudWatchLogsSink;
import dev.streamcat.chat.log.FirehoseSink;
import dev.streamcat.chat.log.S3Sink;
import dev.streamcat.chat.log.SinkOptions;
import dev.streamcat.engine.chat.LoggingConfigurationRow;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.storage.SpoolUploader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's chat log sinks, one per logging destination, shared by every room that logs there and closed (drained
 * and synced) at shutdown. Destinations map to self-hosted equivalents under {@code root} ({@code <dataDir>/chat-logs}):
 * {@code cloudWatchLogs} → {@link CloudWatchLogsSink} ({@code cloudwatch/<logGroupName>/aws/IVSChatLogs/1.0/
 * room_<id>.jsonl}), {@code s3} → {@link S3Sink} ({@code s3/<bucketName>/AWSLogs/...}), {@code firehose} → {@link
 * FirehoseSink} posting to the configured endpoint. With an S3-compatible endpoint configured, {@code s3} objects are
 * written to the spool {@code s3-spool/<bucketName>/AWSLogs/...} instead and each finished object goes to the {@link
 * SpoolUploader}, which PUTs it to the endpoint under the same key and deletes it. Sinks stay open until {@link
 * #close()} even when no room uses them any more (there are at most as many as logging configurations ever used).
 *
 * <p>Thread-safe. {@link #sink} may do file I/O (creating directories): call it off the event loop.
 */
final class LogSinks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogSinks.class);
    private static final Duration CLOUDWATCH_SYNC = Duration.ofSeconds(1);

    private final Path root;
    private final EngineIdentity identity;
    private final ChatGatewayConfig.FirehoseEndpoints firehose;
    private final HttpClient http;
    private final InstantSource clock;
    private final Optional<SpoolUploader> uploads;
    private final ConcurrentHashMap<String, ChatLogSink> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LogSinks(
            Path root,
            EngineIdentity identity,
            ChatGatewayConfig.FirehoseEndpoints firehose,
            HttpClient http,
            InstantSource clock,
            Optional<SpoolUploader> uploads) {
        this.root = Objects.requireNonNull(root, "root");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.firehose = Objects.requireNonNull(firehose, "firehose");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    /** Where {@code s3} objects wait for upload when an S3-compatible endpoint is configured. */
    static Path spool(Path root) {
        return root.resolve("s3-spool");
    }

    /** The directory the file-based sinks write under. */
    Path root() {
        return root;
    }

    /** The sinks of {@code configurations} that are ACTIVE and deliverable, in order. */
    List<ChatLogSink> sinks(List<LoggingConfigurationRow> configurations) {
        return configurations.stream()
                .filter(row -> "ACTIVE".equals(row.state()))
                .map(this::sink)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The (shared) sink for one destination; empty when it cannot be delivered (logged). */
    Optional<ChatLogSink> sink(LoggingConfigurationRow row) {
        if (closed) {
            return Optional.empty();
        }
        String key = row.destinationType() + ":" + row.destinationName();
        try {
            return Optional.ofNullable(open.computeIfAbsent(key, k -> openSink(row)));
        } catch (RuntimeException e) {
            LOG.warn("Chat logging destination {} ({}) cannot be opened: {}", key, row.arn(), e.toString());
            return Optional.empty();
        }
    }

    private ChatLogSink openSink(LoggingConfigurationRow row) {
        SinkOptions options = SinkOptions.defaults();
        return switch (row.destinationType()) {
            case "cloudWatchLogs" -> {
                try {
                    yield CloudWatchLogsSink.open(root, row.destinationName(), CLOUDWATCH_SYNC, options);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "s3" -> {
                var layout = S3Sink.Layout.of(row.destinationName(), identity.accountId(), identity.region());
                yield uploads.isPresent()
                        ? S3Sink.spooling(uploads.get().spoolRoot(), layout, clock, options, uploads.get()::submit)
                        : S3Sink.open(root, layout, clock, options);
            }
            case "firehose" -> {
                URI url = firehose.endpoint(row.destinationName())
                        .orElseThrow(() -> new IllegalStateException(
                                "no Firehose endpoint configured for " + row.destinationName()));
                var endpoint = new FirehoseSink.Endpoint(
                        row.destinationName(), url, firehose.accessKey(), Duration.ofSeconds(10), 3);
                yield FirehoseSink.open(http, endpoint, clock, options);
            }
            default -> throw new IllegalStateException("unknown destination type " + row.destinationType());
        };
    }

    /** Counters of every open sink, by destination. */
    Map<String, ChatLogSink.SinkStats> stats() {
        var stats = new java.util.TreeMap<String, ChatLogSink.SinkStats>();
        open.forEach((key, sink) -> stats.put(key, sink.stats()));
        return stats;
    }

    /** Counters of the S3 uploads, when an S3-compatible endpoint is configured. */
    Optional<SpoolUploader.Stats> uploadStats() {
        return uploads.map(SpoolUploader::stats);
    }

    /**
     * Drains, syncs and closes every sink (each waits at most its close timeout), then makes a last, bounded upload
     * attempt of the finished S3 objects. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        for (ChatLogSink sink : open.values()) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.warn("Chat log sink did not close cleanly: {}", e.toString());
            }
        }
        open.clear();
        uploads.ifPresent(SpoolUploader::close);
    }
}
