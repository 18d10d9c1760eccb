package dev.streamcat.rtmp.internal.session;

import io.netty.channel.ChannelException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Read pacing for one publishing connection: fewer, larger reads without delaying what viewers see.
 *
 * <p>A publisher sends a message every 20–40 ms, and waking the event loop for each one costs more
 * than handling it. Most of them only add to a part the packager is still building: only a message at
 * or past the sink's {@link dev.streamcat.rtmp.PublishSink#urgentFromMs()} can publish something. So
 * after each batch of reads the pacer asks the sink for that timestamp, predicts when its message will
 * arrive, and until a little before then raises the socket's {@code SO_RCVLOWAT}: the kernel keeps
 * collecting bytes without waking anyone. A timer lowers the mark again; pending bytes become readable
 * at once and the urgent message itself is read as it arrives, as without pacing.
 *
 * <p>The prediction maps media time to arrival time with the smallest {@code arrival - timestamp} seen
 * over the last 5–10 s ({@value #EPOCH_MS} ms epochs): a live publisher sends in real time, so
 * no message arrives earlier than that. A message read from a hold that was already urgent (the
 * publisher sent ahead of real time, or its clock jumped) is a miss: pacing pauses for {@value
 * #BACKOFF_MS} ms. A hold never lasts more than {@value #MAX_HOLD_MS} ms, and more than {@value
 * #HOLD_BYTES} bytes, a closing peer or a full receive window wake the loop anyway (Linux {@code
 * tcp_epollin_ready}).
 *
 * <p>Only on the Linux epoll transport (x86-64 and AArch64, where {@code SO_RCVLOWAT} is 18); elsewhere
 * {@link #forChannel} returns a pacer that does nothing. Not thread-safe: confined to the event loop.
 */
final class ReadPacer {
    static final int HOLD_BYTES = 1 << 20;
    static final long MARGIN_MS = 15;
    static final long MIN_HOLD_MS = 20;
    static final long MAX_HOLD_MS = 1_000;
    static final long BACKOFF_MS = 10_000;
    static final long LEARN_MS = 2_000;
    static final long EPOCH_MS = 5_000;
    /** A read this soon after the mark was lowered got bytes that arrived during the hold. */
    static final long RELEASE_READ_MS = 1;
    /** Timestamp jumps beyond these (back, forward) restart the learning. */
    static final long MAX_BACKWARD_MS = 1_000;

    static final long MAX_FORWARD_MS = 10_000;

    private static final IntegerUnixChannelOption SO_RCVLOWAT = new IntegerUnixChannelOption("SO_RCVLOWAT", 1, 18);

    /** The event loop side: time, the socket option, timers. */
    interface Io {
        long nowMs();

        /** Sets {@code SO_RCVLOWAT}; false when the socket refused it. */
        boolean receiveLowWatermark(int bytes);

        Future<?> schedule(Runnable task, long delayMs);
    }

    private final @Nullable Io io;
    private boolean enabled;
    private boolean holding;
    private long heldUrgentFrom;
    private @Nullable Future<?> timer;
    private long timerAtMs;
    private boolean released;
    private long releasedAtMs;
    private boolean missed;
    private long pausedUntilMs;
    private long epochStartMs;
    private long currentMin = Long.MAX_VALUE;
    private long previousMin = Long.MAX_VALUE;
    private long lastTimestamp = -1;
    private long holds;
    private long misses;

    ReadPacer(@Nullable Io io) {
        this.io = io;
        this.enabled = io != null;
        if (io != null) {
            long now = io.nowMs();
            pausedUntilMs = now + LEARN_MS;
            epochStartMs = now;
        }
    }

    /** A pacer for {@code ctx}'s channel, or one that never holds where pacing is not supported. */
    static ReadPacer forChannel(ChannelHandlerContext ctx, boolean wanted) {
        boolean supported = ctx.channel() instanceof EpollSocketChannel && linuxArchWithOption18();
        return new ReadPacer(wanted && supported ? new NettyIo(ctx) : null);
    }

    private static boolean linuxArchWithOption18() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
    }

    /** A media message with {@code timestampMs} was read. */
    void onMessage(long timestampMs) {
        Io clock = io;
        if (!enabled || clock == null) {
            return;
        }
        long now = clock.nowMs();
        if (lastTimestamp >= 0
                && (timestampMs < lastTimestamp - MAX_BACKWARD_MS || timestampMs > lastTimestamp + MAX_FORWARD_MS)) {
            currentMin = Long.MAX_VALUE; // the publisher's clock jumped: learn the offset again
            previousMin = Long.MAX_VALUE;
            epochStartMs = now;
            pausedUntilMs = Math.max(pausedUntilMs, now + LEARN_MS);
            lastTimestamp = timestampMs;
        } else {
            lastTimestamp = Math.max(lastTimestamp, timestampMs);
        }
        if ((holding || (released && now - releasedAtMs <= RELEASE_READ_MS)) && timestampMs >= heldUrgentFrom) {
            missed = true;
        }
        if (now - epochStartMs >= EPOCH_MS) {
            previousMin = currentMin;
            currentMin = Long.MAX_VALUE;
            epochStartMs = now;
        }
        currentMin = Math.min(currentMin, now - timestampMs);
    }

    /**
     * A batch of reads is done; {@code urgentFromMs} is the sink's answer now. Holds the reads until
     * shortly before that message is due, or reads eagerly.
     */
    void afterReads(long urgentFromMs) {
        Io clock = io;
        if (!enabled || clock == null) {
            return;
        }
        long now = clock.nowMs();
        released = false;
        if (missed) {
            missed = false;
            misses++;
            pausedUntilMs = now + BACKOFF_MS;
        }
        long offset = Math.min(currentMin, previousMin);
        if (urgentFromMs == Long.MIN_VALUE || offset == Long.MAX_VALUE || now < pausedUntilMs) {
            release();
            return;
        }
        long delay = urgentFromMs == Long.MAX_VALUE
                ? MAX_HOLD_MS
                : Math.min(MAX_HOLD_MS, urgentFromMs + offset - MARGIN_MS - now);
        if (delay < MIN_HOLD_MS) {
            release();
            return;
        }
        hold(now, delay, urgentFromMs);
    }

    /** Stops pacing for good (the publish ended): reads are eager again. */
    void stop() {
        if (enabled) {
            release();
            enabled = false;
        }
    }

    /** Holds started so far. */
    long holds() {
        return holds;
    }

    /** Holds that kept an urgent message. */
    long misses() {
        return misses;
    }

    boolean holding() {
        return holding;
    }

    private void hold(long now, long delayMs, long urgentFromMs) {
        Io target = io;
        if (target == null) {
            return;
        }
        if (!holding) {
            if (!target.receiveLowWatermark(HOLD_BYTES)) {
                enabled = false;
                return;
            }
            holding = true;
            holds++;
        }
        heldUrgentFrom = urgentFromMs;
        long at = now + delayMs;
        if (timer != null && Math.abs(timerAtMs - at) <= 1) {
            return;
        }
        cancelTimer();
        try {
            timer = target.schedule(this::wake, delayMs);
            timerAtMs = at;
        } catch (RejectedExecutionException e) {
            release();
            enabled = false;
        }
    }

    private void wake() {
        timer = null;
        if (holding && io != null) {
            released = true;
            releasedAtMs = io.nowMs();
            lower();
        }
    }

    private void release() {
        cancelTimer();
        if (holding) {
            lower();
        }
    }

    private void lower() {
        holding = false;
        if (io != null && !io.receiveLowWatermark(1)) {
            enabled = false;
        }
    }

    private void cancelTimer() {
        Future<?> current = timer;
        timer = null;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** The real socket and event loop. */
    private record NettyIo(ChannelHandlerContext ctx) implements Io {
        @Override
        public long nowMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
        }

        @Override
        public boolean receiveLowWatermark(int bytes) {
            try {
                return ctx.channel().isActive() && ctx.channel().config().setOption(SO_RCVLOWAT, bytes);
            } catch (ChannelException e) {
                return false;
            }
        }

        @Override
        public Future<?> schedule(Runnable task, long delayMs) {
            return ctx.executor().schedule(task, delayMs, TimeUnit.MILLISECONDS);
        }
    }
}
