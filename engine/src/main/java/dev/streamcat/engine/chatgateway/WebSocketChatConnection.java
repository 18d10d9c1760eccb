package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.protocol.Capability;
import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.chat.room.DisconnectCause;
import dev.streamcat.engine.chat.ChatTokenClaims;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A chat connection over a Vert.x {@link ServerWebSocket} whose outbound chat frames bypass Vert.x: they are written as
 * ready-made WebSocket text frames ({@link TextFrames}) straight to the Netty context just above the socket (the one
 * of Netty's WebSocket frame encoder, so only the layers below it — TLS, if any — see them). Broadcast frames come in
 * per-tick batches from the room's {@link EventLoopFanout}; frames for this connection alone ({@link #send}) and the
 * close go through the same fan-out ({@link EventLoopFanout#afterDelivered}), so every write for this connection
 * happens on its event loop, in order, and the close frame (written by Vert.x) follows everything delivered before
 * it. Vert.x still reads (text, pong, close frames) and writes pings, pongs and the close frame.
 *
 * <p>The outbound queue is Netty's: bytes and writes not yet handed to the kernel. A batch or frame that would take it
 * past {@code maxQueuedBytes} or {@code maxQueuedWrites} is not written and the room drops the connection as a slow
 * consumer. Closing queues a close frame after what is queued, then cuts the TCP connection
 * {@link #CLOSE_GRACE_SECONDS} seconds later if it is still open: a slow consumer may never read far enough to see the
 * close frame, and Vert.x only starts its own closing timeout once the close frame is written.
 *
 * <p>Thread-safe: {@link #send}, {@link #disconnect}, {@link #close} and {@link #ping} may be called from any thread
 * and never block; the socket's handlers (installed by the gateway) and the {@code write*} methods run on its event
 * loop.
 */
final class WebSocketChatConnection implements ChatConnection {
    /** How long a closing connection may take to answer the close frame before it is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;

    /** The Netty handler Vert.x's WebSocket upgrade installs to encode outbound frames (Netty's default name). */
    private static final String FRAME_ENCODER = "wsencoder";

    private static final VarHandle CLOSING;

    static {
        try {
            CLOSING = MethodHandles.lookup().findVarHandle(WebSocketChatConnection.class, "closing", CloseReason.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final Channel channel;
    private final ChannelHandlerContext out;
    private final ChatTokenClaims claims;
    private final Set<Capability> capabilities;
    private final int maxQueuedWrites;
    private final long maxQueuedBytes;
    private volatile @Nullable CloseReason closing;
    private volatile @Nullable EventLoopFanout fanout;
    private volatile long lastHeardNanos = System.nanoTime();
    /** Index in the fan-out's list for this event loop; -1 when not listed. Event-loop confined. */
    private int slot = -1;
    /** The close frame has been queued: nothing more is written. Event-loop confined. */
    private boolean closeSent;

    WebSocketChatConnection(
            Vertx vertx, ServerWebSocket socket, ChatTokenClaims claims, int maxQueuedWrites, long maxQueuedBytes) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.capabilities = capabilities(claims);
        this.maxQueuedWrites = maxQueuedWrites;
        this.maxQueuedBytes = maxQueuedBytes;
        if (!(socket instanceof WebSocketInternal internal)) {
            throw new IllegalStateException(
                    "not a Vert.x WebSocket: " + socket.getClass().getName());
        }
        this.channel = internal.channelHandlerContext().channel();
        ChannelHandlerContext encoder = channel.pipeline().context(FRAME_ENCODER);
        if (encoder == null) {
            throw new IllegalStateException("no '" + FRAME_ENCODER + "' in the WebSocket pipeline "
                    + channel.pipeline().names());
        }
        this.out = encoder;
    }

    private static Set<Capability> capabilities(ChatTokenClaims claims) {
        var set = EnumSet.noneOf(Capability.class);
        for (String name : claims.capabilities()) {
            for (Capability capability : Capability.values()) {
                if (capability.name().equals(name)) {
                    set.add(capability);
                }
            }
        }
        return Set.copyOf(set);
    }

    @Override
    public String userId() {
        return claims.userId();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Map<String, String> attributes() {
        return claims.attributes();
    }

    @Override
    public String remoteAddress() {
        var address = socket.remoteAddress();
        return address == null ? "" : address.hostAddress();
    }

    /** The token this connection was opened with. */
    ChatTokenClaims claims() {
        return claims;
    }

    /** The event loop every write of this connection runs on. */
    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Called by the room's fan-out when this connection joins it. */
    void joined(EventLoopFanout roomFanout) {
        this.fanout = roomFanout;
    }

    int slot() {
        return slot;
    }

    void slot(int index) {
        this.slot = index;
    }

    @Override
    public boolean send(EncodedFrame frame) {
        if (closing != null) {
            return true;
        }
        if (queueFull(TextFrames.headerLength(frame.size()) + frame.size())) {
            return false;
        }
        inOrder(() -> writeFrame(frame));
        return true;
    }

    /** Whether {@code bytes} more would exceed the outbound bound (racy outside the event loop, which is fine). */
    private boolean queueFull(int bytes) {
        ChannelOutboundBuffer queue = channel.unsafe().outboundBuffer();
        return queue != null
                && (queue.totalPendingWriteBytes() + bytes > maxQueuedBytes || queue.size() >= maxQueuedWrites);
    }

    /** Runs {@code task} on the event loop after everything the room delivered so far. */
    private void inOrder(Runnable task) {
        EventLoopFanout roomFanout = fanout;
        try {
            if (roomFanout != null) {
                roomFanout.afterDelivered(this, task);
            } else {
                channel.eventLoop().execute(task);
            }
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down, and the connection with it.
        }
    }

    /** Writes one frame. Event loop only. */
    private void writeFrame(EncodedFrame frame) {
        if (!closeSent) {
            out.writeAndFlush(TextFrames.encode(channel.alloc(), List.of(frame)), channel.voidPromise());
        }
    }

    /**
     * Writes a retained duplicate of a fan-out batch, unless the connection is closing; false (nothing written) when
     * the batch would overflow the outbound bound. Event loop only.
     */
    boolean writeBatch(ByteBuf batch) {
        if (closeSent || !channel.isActive()) {
            return true;
        }
        if (queueFull(batch.readableBytes())) {
            return false;
        }
        out.writeAndFlush(batch.retainedDuplicate(), channel.voidPromise());
        return true;
    }

    @Override
    public void disconnect(DisconnectCause cause) {
        close(CloseReason.of(cause));
    }

    /** Sends {@code lastFrame} (ignoring the queue bound), then closes with {@code reason}. Idempotent. */
    void closeAfter(EncodedFrame lastFrame, CloseReason reason) {
        if (CLOSING.compareAndSet(this, null, reason)) {
            Promise<Void> closed = Promise.promise();
            inOrder(() -> {
                writeFrame(lastFrame);
                closeNow(reason, closed);
            });
            cutLater();
        }
    }

    /** Closes with {@code reason} after what is queued. Never blocks; idempotent (the first reason wins). */
    Future<Void> close(CloseReason reason) {
        if (!CLOSING.compareAndSet(this, null, reason)) {
            return Future.succeededFuture();
        }
        Promise<Void> closed = Promise.promise();
        inOrder(() -> closeNow(reason, closed));
        cutLater();
        return closed.future();
    }

    /** Queues the close frame (Vert.x writes it and waits for the answer). Event loop only. */
    private void closeNow(CloseReason reason, Promise<Void> closed) {
        closeSent = true;
        socket.close(reason.code(), reason.reason()).onComplete(closed);
    }

    /** Cuts the TCP connection if it is still open {@link #CLOSE_GRACE_SECONDS} s from now. */
    private void cutLater() {
        vertx.setTimer(TimeUnit.SECONDS.toMillis(CLOSE_GRACE_SECONDS), id -> cut());
    }

    /**
     * Closes the TCP connection now, failing what is still queued. The close must bypass the pipeline: Vert.x turns a
     * pipeline close of a WebSocket into yet another close frame, stuck behind the same queue.
     */
    private void cut() {
        channel.eventLoop().execute(() -> {
            if (channel.isOpen()) {
                channel.unsafe().close(channel.voidPromise());
            }
        });
    }

    /** Why the gateway is closing this connection, if it is. */
    @Nullable
    CloseReason closing() {
        return closing;
    }

    /** Records that the client sent something (a message or a pong). */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Nanoseconds since the client last sent something. */
    long silentNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    /** Sends a ping (browsers and the {@code ws} package answer with a pong). */
    void ping() {
        if (closing == null) {
            socket.writePing(Buffer.buffer());
        }
    }
}
