package dev.streamcat.chat.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue plus one daemon writer thread feeding a {@link BatchWriter}. Offers never block; the writer takes
 * batches of up to {@code maxBatch} records, and on close drains the queue before closing the writer.
 *
 * <p>Thread-safe: {@link #offer} and {@link #close} from any thread; the writer is confined to the worker thread.
 */
final class SinkWorker implements ChatLogSink {
    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final BatchWriter writer;
    private final BlockingQueue<ChatLogRecord> queue;
    private final int maxBatch;
    private final Duration closeTimeout;
    private final Thread thread;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    SinkWorker(String name, BatchWriter writer, int capacity, int maxBatch, Duration closeTimeout) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.name = name;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.closeTimeout = closeTimeout;
        this.thread = Thread.ofPlatform().name("chat-log-" + name).daemon().unstarted(this::run);
        this.thread.start();
    }

    @Override
    public boolean offer(ChatLogRecord record) {
        if (closing.get() || !queue.offer(record)) {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.warn("Chat log sink {} dropped {} record(s) so far (queue full or closed)", name, count);
            }
            return false;
        }
        accepted.incrementAndGet();
        return true;
    }

    @Override
    public SinkStats stats() {
        return new SinkStats(accepted.get(), written.get(), dropped.get(), failed.get());
    }

    @Override
    public void close() {
        closing.set(true);
        awaitWorker();
    }

    private void awaitWorker() {
        try {
            if (!thread.join(closeTimeout)) {
                LOG.error(
                        "Chat log sink {} did not finish within {}; {} record(s) still queued",
                        name,
                        closeTimeout,
                        queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        var batch = new ArrayList<ChatLogRecord>(maxBatch);
        while (!closing.get() || !queue.isEmpty()) {
            try {
                ChatLogRecord first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    writeBatch(batch);
                    batch.clear();
                }
                writer.tick();
            } catch (InterruptedException e) {
                closing.set(true);
            } catch (Exception e) {
                LOG.warn("Chat log sink {} tick failed", name, e);
            }
        }
        try {
            writer.close();
        } catch (Exception e) {
            LOG.error("Chat log sink {} failed to close cleanly", name, e);
        }
    }

    private void writeBatch(List<ChatLogRecord> batch) {
        try {
            writer.write(batch);
            written.addAndGet(batch.size());
        } catch (Exception e) {
            failed.addAndGet(batch.size());
            LOG.warn("Chat log sink {} failed to write {} record(s)", name, batch.size(), e);
        }
    }
}
