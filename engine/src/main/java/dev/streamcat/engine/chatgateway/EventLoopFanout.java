package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.chat.room.Fanout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The gateway's fan-out for one room. Broadcast frames are encoded once as consecutive WebSocket text frames into one
 * pooled direct buffer ({@link TextFrames}) and handed to every event loop that holds connections of the room. Each
 * loop appends them to its <em>log</em> and <em>sweeps</em> its connections: every connection it visits gets, with
 * one write and one flush ({@link WebSocketChatConnection#writeBatch}), a slice of the log from where it last stopped
 * to the end. The write system call per connection is the cost, so frames share it, and they never wait for a sweep
 * to finish: a frame that arrives mid-sweep goes out with the rest of the sweep at once, and the connections already
 * visited get it on the next sweep, which starts as soon as this one ends. A frame therefore reaches every connection
 * within about one sweep, and the busier the room, the more frames each write carries (self-clocked). A sweep writes
 * {@value #SWEEP_STEP} connections at a time and lets the loop do its other I/O in between (reading the next
 * messages, other rooms, other protocols). With a non-zero {@code interval} a room's first broadcast frame waits that
 * long for others before any of them is handed to the loops.
 *
 * <p>In the quiet case (one frame, everyone up to date) the log is the encoded buffer itself, shared by every loop;
 * otherwise a loop copies what its connections may still need into a log buffer of its own, and frees it once a
 * sweep has brought everyone up to date.
 *
 * <p>Order: frames reach each connection in delivery order, and everything sent to one connection on its own
 * ({@link #afterDelivered}: errors, replayed history, the close) first writes that connection's share of the log, so
 * it follows the frames delivered before it. A connection whose unwritten bytes or writes would exceed its bound is
 * reported as a slow consumer instead of written to.
 *
 * <p>Thread-safe: {@link #deliver}, {@link #afterDelivered} and the tick serialise on one lock (held to encode a batch
 * and hand it to the loops, never for I/O); each loop's share of the connections, its log and its sweep are confined
 * to that loop.
 */
final class EventLoopFanout implements Fanout {
    /** Connections written per sweep step, between which the loop does its other work. */
    static final int SWEEP_STEP = 256;

    private static final int MIN_LOG_BYTES = 4096;

    private final EventExecutor ticker;
    private final long intervalNanos;
    private final ByteBufAllocator allocator;
    private final Consumer<ChatConnection> slowConsumer;
    private final ConcurrentHashMap<EventLoop, LoopShare> shares = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<EncodedFrame> waiting = new ArrayList<>();
    private boolean tickScheduled;
    private boolean closed;

    /**
     * @param ticker where the room's tick runs (an event loop)
     * @param intervalNanos how long the first broadcast frame may wait for others; 0 hands each to the loops at once
     */
    EventLoopFanout(
            EventExecutor ticker,
            long intervalNanos,
            ByteBufAllocator allocator,
            Consumer<ChatConnection> slowConsumer) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("fan-out interval must not be negative");
        }
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.intervalNanos = intervalNanos;
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.slowConsumer = Objects.requireNonNull(slowConsumer, "slowConsumer");
    }

    @Override
    public void join(ChatConnection connection) {
        WebSocketChatConnection socket = gatewayConnection(connection);
        LoopShare share = shares.computeIfAbsent(socket.eventLoop(), LoopShare::new);
        socket.joined(this);
        share.run(() -> share.add(socket));
    }

    /** The connection stays listed until every frame delivered so far has been written to it. */
    @Override
    public void leave(ChatConnection connection) {
        WebSocketChatConnection socket = gatewayConnection(connection);
        LoopShare share = shares.get(socket.eventLoop());
        if (share != null) {
            synchronized (lock) {
                dispatch();
                share.execute(() -> {
                    share.catchUp(socket);
                    share.remove(socket);
                });
            }
        }
    }

    private static WebSocketChatConnection gatewayConnection(ChatConnection connection) {
        if (connection instanceof WebSocketChatConnection socket) {
            return socket;
        }
        throw new IllegalArgumentException(
                "not a gateway connection: " + connection.getClass().getName());
    }

    @Override
    public void deliver(EncodedFrame frame) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            waiting.add(frame);
            if (intervalNanos == 0) {
                dispatch();
            } else if (!tickScheduled) {
                tickScheduled = true;
                ticker.schedule(this::tick, intervalNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Runs {@code task} on {@code connection}'s event loop after every frame delivered to the room so far. */
    void afterDelivered(WebSocketChatConnection connection, Runnable task) {
        synchronized (lock) {
            dispatch();
            LoopShare share = shares.get(connection.eventLoop());
            if (share == null) {
                connection.eventLoop().execute(task);
                return;
            }
            connection.eventLoop().execute(() -> {
                share.catchUp(connection);
                task.run();
            });
        }
    }

    private void tick() {
        synchronized (lock) {
            tickScheduled = false;
            dispatch();
        }
    }

    /** Encodes the waiting frames once and hands the buffer to every loop. Called with the lock held. */
    private void dispatch() {
        if (waiting.isEmpty()) {
            return;
        }
        ByteBuf batch = TextFrames.encode(allocator, waiting);
        waiting.clear();
        try {
            for (LoopShare share : shares.values()) {
                ByteBuf copy = batch.retainedDuplicate();
                if (!share.execute(() -> share.append(copy))) {
                    copy.release();
                }
            }
        } finally {
            batch.release();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            waiting.clear();
            for (LoopShare share : shares.values()) {
                share.execute(share::dispose);
            }
        }
    }

    /**
     * Connections of the room on one event loop, the log of what was broadcast to them and the sweep that writes it.
     * Positions count bytes of the room's broadcast stream on this loop; the log holds the stream from
     * {@code logStart} to {@code end}. Confined to the loop, except {@link #execute} and {@link #run}.
     */
    private final class LoopShare {
        private final EventLoop loop;
        private final Runnable nextStep = this::step;
        private WebSocketChatConnection[] connections = new WebSocketChatConnection[16];
        private int size;
        private ByteBuf log;
        /** Whether {@code log} is this loop's own buffer (else the shared encoded batch, never written to). */
        private boolean logOwned;

        private long logStart;
        private long end;
        /** No connection is behind this position (every one was visited by a sweep that started there). */
        private long keepFrom;

        private boolean sweeping;
        private long sweepStart;
        private int cursor;
        private boolean disposed;

        LoopShare(EventLoop loop) {
            this.loop = loop;
        }

        void run(Runnable task) {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                execute(task);
            }
        }

        /** False when the loop no longer runs tasks (it is shutting down, and its connections with it). */
        boolean execute(Runnable task) {
            try {
                loop.execute(task);
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }

        /** Appends a batch (taking ownership) and starts a sweep unless one is running. */
        void append(ByteBuf batch) {
            if (disposed) {
                batch.release();
                return;
            }
            int length = batch.readableBytes();
            if (log == null) {
                log = batch; // the quiet case: the encoded buffer itself, shared with the other loops, no copy
                logOwned = false;
                logStart = end;
            } else {
                if (!logOwned || log.writableBytes() < length) {
                    grow(length);
                }
                log.writeBytes(batch);
                batch.release();
            }
            long from = end;
            end += length;
            if (!sweeping) {
                sweeping = true;
                sweepStart = from;
                cursor = 0;
                step();
            }
        }

        /** Moves what a connection may still need into a new log buffer with room for {@code more} bytes. */
        private void grow(int more) {
            int live = Math.toIntExact(end - keepFrom);
            int capacity = Math.max(MIN_LOG_BYTES, 2 * (live + more));
            ByteBuf next = allocator.directBuffer(capacity, capacity);
            next.writeBytes(log, index(keepFrom), live);
            log.release(); // slices still being written keep the old memory alive
            log = next;
            logOwned = true;
            logStart = keepFrom;
        }

        private int index(long position) {
            return log.readerIndex() + Math.toIntExact(position - logStart);
        }

        /** Writes the next few connections; the loop does other I/O before the next step. */
        private void step() {
            if (disposed) {
                sweeping = false;
                return;
            }
            int stop = Math.min(size, cursor + SWEEP_STEP);
            List<WebSocketChatConnection> slow = List.of();
            for (; cursor < stop; cursor++) {
                WebSocketChatConnection connection = connections[cursor];
                if (!write(connection)) {
                    if (slow.isEmpty()) {
                        slow = new ArrayList<>();
                    }
                    slow.add(connection);
                }
            }
            if (cursor < size) {
                scheduleStep(); // runs after the loop's next I/O round
            } else {
                finishSweep();
            }
            for (WebSocketChatConnection connection : slow) {
                slowConsumer.accept(connection);
            }
        }

        private void scheduleStep() {
            try {
                loop.schedule(nextStep, 0, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                dispose(); // the loop is shutting down, and its connections with it
            }
        }

        private void finishSweep() {
            keepFrom = sweepStart;
            if (end > sweepStart) {
                // Frames arrived during the sweep: the connections visited before them are behind.
                sweepStart = end;
                cursor = 0;
                scheduleStep();
            } else {
                sweeping = false;
                keepFrom = end;
                log.release();
                log = null;
            }
        }

        /**
         * Writes what {@code connection} has not had yet; false when that would overflow its bound (it is then
         * skipped, and reported as a slow consumer by the caller).
         */
        private boolean write(WebSocketChatConnection connection) {
            long from = connection.fanoutPosition();
            if (from >= end || log == null) {
                return true;
            }
            connection.fanoutPosition(end);
            return connection.writeBatch(log, index(from), Math.toIntExact(end - from));
        }

        /** Brings one connection up to date now (before something sent to it alone, or before it leaves). */
        void catchUp(WebSocketChatConnection connection) {
            if (connection.slot() >= 0 && !write(connection)) {
                slowConsumer.accept(connection);
            }
        }

        void add(WebSocketChatConnection connection) {
            if (connection.slot() >= 0) {
                return;
            }
            if (size == connections.length) {
                connections = Arrays.copyOf(connections, size * 2);
            }
            connection.fanoutPosition(end);
            connections[size] = connection;
            connection.slot(size++);
        }

        void remove(WebSocketChatConnection connection) {
            int slot = connection.slot();
            if (slot < 0 || slot >= size || connections[slot] != connection) {
                return;
            }
            WebSocketChatConnection last = connections[--size];
            if (sweeping && slot < cursor && size >= cursor) {
                // The last one moves to a slot this sweep has passed: write it its share now.
                catchUp(last);
            }
            connections[slot] = last;
            last.slot(slot);
            connections[size] = null;
            connection.slot(-1);
            cursor = Math.min(cursor, size);
            if (connections.length > 16 && size < connections.length / 4) {
                connections = Arrays.copyOf(connections, connections.length / 2);
            }
        }

        void dispose() {
            disposed = true;
            if (log != null) {
                log.release();
                log = null;
            }
        }
    }
}
