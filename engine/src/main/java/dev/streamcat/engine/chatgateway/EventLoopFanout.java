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
 * The gateway's fan-out for one room. Broadcast frames wait for the room's tick, are then encoded once as consecutive
 * WebSocket text frames into one pooled direct buffer ({@link TextFrames}) and handed to every event loop that holds
 * connections of the room, as one task per loop; on its loop each connection gets a retained duplicate of that buffer,
 * written with one write and one flush from its handler ({@link WebSocketChatConnection#writeBatch}). The write
 * system call per connection is the cost, so frames share it: a tick sends what waited, at the earliest
 * {@code interval} after the first waiting frame, and never while the loops are still writing the previous batch —
 * the batch's end sends what arrived meanwhile. Batches therefore stay single frames when the room is quiet and grow
 * with the load (self-clocked), and the delay a frame sees is bounded by the interval plus about two fan-out passes.
 *
 * <p>Order: frames reach each connection in delivery order, and everything sent to one connection on its own
 * ({@link #afterDelivered}: errors, replayed history, the close) first flushes the waiting frames, so it is queued on
 * the connection's loop after them. A connection whose unwritten bytes or writes exceed its bound when a batch
 * arrives is reported as a slow consumer instead of written to.
 *
 * <p>Thread-safe: {@link #deliver}, {@link #afterDelivered} and the tick serialise on one lock (held to encode a batch
 * and hand it to the loops, never for I/O); each loop's share of the connections is confined to that loop.
 */
final class EventLoopFanout implements Fanout {
    private final EventExecutor ticker;
    private final long intervalNanos;
    private final ByteBufAllocator allocator;
    private final Consumer<ChatConnection> slowConsumer;
    private final ConcurrentHashMap<EventLoop, LoopShare> shares = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<EncodedFrame> waiting = new ArrayList<>();
    private boolean tickScheduled;
    /** Loops still writing the last batch; the next batch waits for them (so batches grow with the load). */
    private int loopsWriting;

    private boolean closed;

    /**
     * @param ticker where the room's tick runs (an event loop)
     * @param intervalNanos how long the first broadcast frame may wait for others; 0 sends each at once
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
                share.execute(() -> share.remove(socket));
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
            if (waiting.size() == 1) {
                scheduleTick();
            }
        }
    }

    /** Called with the lock held when the first frame starts waiting. */
    private void scheduleTick() {
        if (tickScheduled) {
            return;
        }
        if (intervalNanos == 0) {
            tick();
        } else {
            tickScheduled = true;
            ticker.schedule(this::tick, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code task} on {@code connection}'s event loop after every frame delivered to the room so far. */
    void afterDelivered(WebSocketChatConnection connection, Runnable task) {
        synchronized (lock) {
            dispatch();
            connection.eventLoop().execute(task);
        }
    }

    /** The tick: sends the waiting frames unless the last batch is still being written (then its end sends them). */
    private void tick() {
        synchronized (lock) {
            tickScheduled = false;
            if (loopsWriting == 0) {
                dispatch();
            }
        }
    }

    /** A loop finished writing a batch; the last one to finish sends what waited meanwhile. */
    private void batchWritten() {
        synchronized (lock) {
            loopsWriting--;
            if (loopsWriting == 0 && !tickScheduled && !closed) {
                dispatch();
            }
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
                if (share.send(batch.retainedDuplicate())) {
                    loopsWriting++;
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
        }
    }

    /** Connections of the room on one event loop. Confined to that loop, except {@link #send} and {@link #run}. */
    private final class LoopShare {
        private final EventLoop loop;
        private WebSocketChatConnection[] connections = new WebSocketChatConnection[16];
        private int size;
        private boolean writing;
        private final List<WebSocketChatConnection> leftWhileWriting = new ArrayList<>();

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

        private boolean execute(Runnable task) {
            try {
                loop.execute(task);
                return true;
            } catch (RejectedExecutionException e) {
                return false; // the loop is shutting down, and its connections with it
            }
        }

        /** Takes ownership of {@code batch}; false when the loop no longer runs tasks. */
        boolean send(ByteBuf batch) {
            if (execute(() -> write(batch))) {
                return true;
            }
            batch.release();
            return false;
        }

        void add(WebSocketChatConnection connection) {
            if (connection.slot() >= 0) {
                return;
            }
            if (size == connections.length) {
                connections = Arrays.copyOf(connections, size * 2);
            }
            connections[size] = connection;
            connection.slot(size++);
        }

        void remove(WebSocketChatConnection connection) {
            if (writing) {
                leftWhileWriting.add(connection);
                return;
            }
            int slot = connection.slot();
            if (slot < 0 || slot >= size || connections[slot] != connection) {
                return;
            }
            WebSocketChatConnection last = connections[--size];
            connections[slot] = last;
            last.slot(slot);
            connections[size] = null;
            connection.slot(-1);
            if (connections.length > 16 && size < connections.length / 4) {
                connections = Arrays.copyOf(connections, connections.length / 2);
            }
        }

        private void write(ByteBuf batch) {
            List<WebSocketChatConnection> slow = List.of();
            writing = true;
            try {
                for (int i = 0; i < size; i++) {
                    WebSocketChatConnection connection = connections[i];
                    if (!connection.writeBatch(batch)) {
                        if (slow.isEmpty()) {
                            slow = new ArrayList<>();
                        }
                        slow.add(connection);
                    }
                }
            } finally {
                writing = false;
                batch.release();
                for (WebSocketChatConnection connection : leftWhileWriting) {
                    remove(connection);
                }
                leftWhileWriting.clear();
                batchWritten();
            }
            for (WebSocketChatConnection connection : slow) {
                slowConsumer.accept(connection);
            }
        }
    }
}
