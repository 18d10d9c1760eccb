package dev.streamcat.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Uploads the finished files of a spool directory to an S3-compatible endpoint: {@code <spoolRoot>/<bucket>/<key...>}
 * is PUT as object {@code <key>} of bucket {@code <bucket>}, then deleted. Files whose name ends in {@code .part} are
 * still being written and are never touched.
 *
 * <p>Files arrive through {@link #submit} (a writer just finished one) and, at start, from a scan of the spool (what an
 * earlier run left behind). A failed PUT is retried, per file, after a back-off that doubles from {@link
 * Settings#initialBackoff()} up to {@link Settings#maxBackoff()}, for as long as the process runs: the file stays in
 * the spool until it is uploaded, so an endpoint that is down only delays delivery. Failures are counted ({@link
 * #stats()}) and logged at most once a minute. {@link #close()} makes one more attempt at every pending file within
 * {@link Settings#closeTimeout()} and leaves the rest in the spool for the next start.
 *
 * <p>Thread-safe: {@link #submit} never blocks (it may be called from a sink's writer thread); uploads run on one
 * daemon thread of their own, so a slow or failing endpoint never holds up a room or an event loop.
 */
public final class SpoolUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolUploader.class);
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String PART_SUFFIX = ".part";

    /**
     * Retry and shutdown timing.
     *
     * <p>Immutable; thread-safe.
     */
    public record Settings(Duration initialBackoff, Duration maxBackoff, Duration closeTimeout) {
        public Settings {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff: 0 < initialBackoff <= maxBackoff");
            }
        }

        /** Back-off from 1 s to 60 s; 10 s for the last attempt at shutdown. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10));
        }
    }

    /**
     * Counters since start: files uploaded (and deleted), failed PUT attempts, files waiting (in the spool and known to
     * the uploader), and the last failure.
     *
     * <p>Immutable; thread-safe.
     */
    public record Stats(long uploaded, long failedAttempts, int pending, Optional<String> lastFailure) {}

    private final Path spoolRoot;
    private final S3Client client;
    private final String target;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Pending> queue =
            new PriorityQueue<>(Comparator.comparingLong(Pending::dueNanos).thenComparing(Pending::file));
    private final Set<Path> known = new HashSet<>();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final Thread thread;
    private volatile Optional<String> lastFailure = Optional.empty();
    private boolean closing; // guarded by lock
    // Confined to the upload thread: rate-limited failure reports.
    private long lastReportNanos;
    private long unreported;
    private boolean failing;

    private record Pending(Path file, int attempts, long dueNanos) {}

    private SpoolUploader(Path spoolRoot, S3Client client, String target, Settings settings) {
        this.spoolRoot = spoolRoot;
        this.client = client;
        this.target = target;
        this.settings = settings;
        this.thread = Thread.ofPlatform().name("s3-upload").daemon().unstarted(this::run);
    }

    /**
     * Starts uploading to {@code endpoint}: first everything already finished in {@code spoolRoot}, then what is
     * {@linkplain #submit submitted}.
     */
    public static SpoolUploader start(Path spoolRoot, S3Endpoint endpoint, Settings settings) {
        var uploader = new SpoolUploader(
                spoolRoot.toAbsolutePath().normalize(),
                S3Clients.create(endpoint),
                endpoint.url().toString(),
                Objects.requireNonNull(settings, "settings"));
        uploader.thread.start();
        return uploader;
    }

    /** The directory whose {@code <bucket>/<key>} files are uploaded. */
    public Path spoolRoot() {
        return spoolRoot;
    }

    /**
     * Queues a finished file under {@link #spoolRoot()} for upload now. Ignored (it stays in the spool) after {@link
     * #close()} or when already queued; never blocks on I/O.
     */
    public void submit(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (key(normalized).isEmpty()) {
            LOG.warn("Not uploading {}: not a finished file under {}", file, spoolRoot);
            return;
        }
        enqueue(new Pending(normalized, 0, System.nanoTime()));
    }

    /** Counters since start. */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(uploaded.get(), failedAttempts.get(), known.size(), lastFailure);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes one more attempt at every pending file (stopping at the first failure) within the close timeout, then
     * stops; files not uploaded stay in the spool for the next start. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!thread.join(settings.closeTimeout())) {
                thread.interrupt();
                LOG.warn(
                        "S3 uploads to {} did not finish within {}; {} file(s) stay in {} for the next start",
                        target,
                        settings.closeTimeout(),
                        stats().pending(),
                        spoolRoot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    private boolean enqueue(Pending pending) {
        lock.lock();
        try {
            if (closing || !known.add(pending.file())) {
                return false;
            }
            queue.add(pending);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        scanSpool();
        try {
            for (Pending next = nextDue(); next != null; next = nextDue()) {
                upload(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scanSpool() {
        if (!Files.isDirectory(spoolRoot)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(spoolRoot)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> key(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot scan the S3 upload spool {}: {}", spoolRoot, e.toString());
            return;
        }
        long now = System.nanoTime();
        long queued = files.stream()
                .filter(file -> enqueue(new Pending(file, 0, now)))
                .count();
        if (queued > 0) {
            LOG.info("Uploading {} file(s) left in {} to {}", queued, spoolRoot, target);
        }
    }

    /** The next file to upload; waits for one to be due; null once closing and drained. */
    private Pending nextDue() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Pending head = queue.peek();
                if (closing) {
                    return queue.poll();
                }
                if (head == null) {
                    changed.await();
                    continue;
                }
                long wait = head.dueNanos() - System.nanoTime();
                if (wait <= 0) {
                    return queue.poll();
                }
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    private void upload(Pending pending) {
        Path file = pending.file();
        Optional<BucketKey> object = key(file);
        try {
            if (object.isEmpty() || !Files.isRegularFile(file)) {
                forget(file); // uploaded already, or removed by hand
                return;
            }
            client.putObject(
                    PutObjectRequest.builder()
                            .bucket(object.get().bucket())
                            .key(object.get().key())
                            .contentType("application/gzip")
                            .build(),
                    RequestBody.fromFile(file));
            Files.deleteIfExists(file);
            uploaded.incrementAndGet();
            forget(file);
            recovered();
        } catch (IOException | RuntimeException e) {
            failedAttempts.incrementAndGet();
            lastFailure = Optional.of(object.map(BucketKey::toString).orElse(file.toString()) + ": " + e);
            report(file, e);
            retryLater(pending);
        }
    }

    private void retryLater(Pending pending) {
        lock.lock();
        try {
            if (closing) {
                // One attempt each at shutdown, and none after the first failure: the endpoint is not answering.
                known.clear();
                queue.clear();
                return;
            }
            int attempts = pending.attempts() + 1;
            queue.add(new Pending(pending.file(), attempts, System.nanoTime() + backoffNanos(attempts)));
        } finally {
            lock.unlock();
        }
    }

    private long backoffNanos(int attempts) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int doublings = Math.min(attempts - 1, 40);
        return initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
    }

    private void forget(Path file) {
        lock.lock();
        try {
            known.remove(file);
        } finally {
            lock.unlock();
        }
    }

    private void report(Path file, Exception e) {
        long now = System.nanoTime();
        if (!failing || now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
            LOG.warn(
                    "S3 upload of {} to {} failed ({} other failure(s) since the last report; retrying with back-off):"
                            + " {}",
                    file,
                    target,
                    unreported,
                    e.toString());
            lastReportNanos = now;
            unreported = 0;
            failing = true;
        } else {
            unreported++;
        }
    }

    private void recovered() {
        if (failing) {
            LOG.info("S3 uploads to {} succeed again", target);
            failing = false;
            unreported = 0;
        }
    }

    /** {@code <spoolRoot>/<bucket>/<key>} of a finished file; empty for anything else. */
    private Optional<BucketKey> key(Path file) {
        if (!file.startsWith(spoolRoot) || file.getFileName().toString().endsWith(PART_SUFFIX)) {
            return Optional.empty();
        }
        Path relative = spoolRoot.relativize(file);
        if (relative.getNameCount() < 2) {
            return Optional.empty();
        }
        var key = new StringBuilder();
        for (int i = 1; i < relative.getNameCount(); i++) {
            key.append(i > 1 ? "/" : "").append(relative.getName(i));
        }
        return Optional.of(new BucketKey(relative.getName(0).toString(), key.toString()));
    }

    private record BucketKey(String bucket, String key) {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }
}
