package dev.streamcat.chat.log;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The self-hosted S3 destination: gzip objects (JSON lines inside) under
 * {@code <root>/s3/<bucket>/AWSLogs/<accountId>/IVSChatLogs/1.0/<region>/room_<roomId>/<yyyy>/<MM>/<dd>/<HH>/
 * <accountId>_IVSChatLogs_1.0_<region>_room_<roomId>_<yyyyMMdd'T'HHmm'Z'>_<random>.log.gz}, the date path and name
 * taken from the object's first record time (UTC). An object is rolled (finished, fsynced and atomically renamed from
 * {@code .part} to its final name) every {@link Layout#rollInterval()} (default 60 s; IVS delivers S3 logs about every
 * 5 minutes) or {@link Layout#maxRecordsPerObject()} records (default 10,000), and on close. A crash leaves at most the
 * current {@code .part} object of each room behind.
 *
 * <p>The same objects can be written to a spool directory instead ({@link #spooling}), which tells a listener about
 * every finished object so that it can be uploaded to an S3-compatible endpoint.
 *
 * <p>Thread-safe (see {@link ChatLogSink}); file I/O happens only on the sink's writer thread.
 */
public final class S3Sink extends WorkerSink {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");

    /**
     * Where and how often objects are written.
     *
     * <p>Immutable; thread-safe.
     */
    public record Layout(
            String bucketName, String accountId, String region, Duration rollInterval, int maxRecordsPerObject) {
        public Layout {
            require(BUCKET, bucketName, "bucketName");
            if (bucketName.contains("..")) {
                throw new IllegalArgumentException("invalid bucketName: " + bucketName);
            }
            require(ACCOUNT, accountId, "accountId");
            require(REGION, region, "region");
            Objects.requireNonNull(rollInterval, "rollInterval");
            if (rollInterval.isNegative() || rollInterval.isZero() || maxRecordsPerObject < 1) {
                throw new IllegalArgumentException("rollInterval and maxRecordsPerObject must be positive");
            }
        }

        /** A layout with the default roll settings (60 s, 10,000 records). */
        public static Layout of(String bucketName, String accountId, String region) {
            return new Layout(bucketName, accountId, region, Duration.ofSeconds(60), 10_000);
        }

        private static void require(Pattern pattern, String value, String name) {
            if (!pattern.matcher(value).matches()) {
                throw new IllegalArgumentException("invalid " + name + ": " + value);
            }
        }
    }

    private S3Sink(String name, BatchWriter writer, SinkOptions options) {
        super(name, writer, options);
    }

    /** Opens a sink writing under {@code <root>/s3/<bucket>}. */
    public static S3Sink open(Path root, Layout layout, InstantSource clock, SinkOptions options) {
        return open(root.resolve("s3").resolve(layout.bucketName()), layout, clock, options, object -> {});
    }

    /**
     * Opens a sink writing under {@code <spoolRoot>/<bucket>} that hands each finished object (its final path, after
     * the rename; the object key is its path relative to {@code <spoolRoot>/<bucket>}) to {@code finished}, on the
     * sink's writer thread; {@code finished} must not block.
     */
    public static S3Sink spooling(
            Path spoolRoot, Layout layout, InstantSource clock, SinkOptions options, Consumer<Path> finished) {
        return open(spoolRoot.resolve(layout.bucketName()), layout, clock, options, finished);
    }

    private static S3Sink open(
            Path bucketRoot, Layout layout, InstantSource clock, SinkOptions options, Consumer<Path> finished) {
        var writer = new S3ObjectWriter(bucketRoot, layout, clock, Objects.requireNonNull(finished, "finished"));
        return new S3Sink("s3-" + layout.bucketName(), writer, options);
    }
}
