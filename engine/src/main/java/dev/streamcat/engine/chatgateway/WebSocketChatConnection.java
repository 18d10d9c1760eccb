package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.protocol.Capability;
import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.chat.room.DisconnectCause;
import dev.streamcat.engine.chat.ChatTokenClaims;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat WebSocket after the handshake: the last handler of its Netty pipeline, in place of Vert.x's. Vert.x
 * answers the upgrade; the gateway then {@link #install installs} this handler, so the connection's Vert.x objects
 * (HTTP connection, request, headers, WebSocket, queues) become garbage and what stays per connection is the channel,
 * Netty's frame decoder and aggregator, and this object.
 *
 * <p>Inbound: text frames go to the gateway ({@link Events#text}); pings are answered, pongs count as activity, a close
 * frame is answered and the TCP connection closed; a binary frame, an oversized or malformed frame closes the
 * connection with the matching {@link CloseReason}. Outbound: every frame is written as ready-made WebSocket bytes
 * ({@link TextFrames}, {@link ControlFrames}) from this handler's context. Broadcast frames come in per-tick batches
 * from the room's {@link EventLoopFanout}; frames for this connection alone ({@link #send}) and the close go through
 * the same fan-out ({@link EventLoopFanout#afterDelivered}), so every write happens on the event loop, in order, and
 * the close frame follows everything delivered before it.
 *
 * <p>The outbound queue is Netty's: bytes and writes not yet handed to the kernel. A batch or frame that would take it
 * past {@code maxQueuedBytes} or {@code maxQueuedWrites} is not written and the room drops the connection as a slow
 * consumer. Closing queues a close frame after what is queued, then cuts the TCP connection
 * {@link #CLOSE_GRACE_SECONDS} seconds later if it is still open (a slow consumer may never read far enough to see
 * the close frame, or the client may never answer it).
 *
 * <p>Thread-safe: {@link #send}, {@link #disconnect}, {@link #close} and {@link #ping} may be called from any thread
 * and never block; the Netty callbacks and the {@code write*} methods run on the event loop.
 */
final class WebSocketChatConnection extends ChannelInboundHandlerAdapter implements ChatConnection {
    /** How long a closing connection may take to answer the close frame before it is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketChatConnection.class);
    private static final Map<List<String>, Set<Capability>> CAPABILITY_SETS = new ConcurrentHashMap<>();
    private static final VarHandle CLOSING;

    static {
        try {
            CLOSING = MethodHandles.lookup().findVarHandle(WebSocketChatConnection.class, "closing", CloseReason.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What the gateway does with a connection's input. Called on the connection's event loop. */
    interface Events {
        void text(WebSocketChatConnection connection, String text);

        void closed(WebSocketChatConnection connection);
    }

    private final Channel channel;
    private final Events events;
    private final String userId;
    private final Map<String, String> attributes;
    private final Set<Capability> capabilities;
    private final int maxQueuedWrites;
    private final long maxQueuedBytes;
    private @Nullable ChannelHandlerContext context;
    private volatile @Nullable CloseReason closing;
    private volatile @Nullable EventLoopFanout fanout;
    private volatile long lastHeardNanos = System.nanoTime();
    private @Nullable ScheduledFuture<?> sessionEnd;
    /** Index in the fan-out's list for this event loop; -1 when not listed. Event-loop confined. */
    private int slot = -1;
    /** How far into its loop's fan-out log this connection has been written. Event-loop confined. */
    private long fanoutPosition;
    /** The close frame has been written: nothing more is. Event-loop confined. */
    private boolean closeSent;

    WebSocketChatConnection(
            Channel channel, ChatTokenClaims claims, Events events, int maxQueuedWrites, long maxQueuedBytes) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.events = Objects.requireNonNull(events, "events");
        this.userId = claims.userId();
        this.attributes = claims.attributes();
        this.capabilities = CAPABILITY_SETS.computeIfAbsent(claims.capabilities(), WebSocketChatConnection::parse);
        this.maxQueuedWrites = maxQueuedWrites;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    private static Set<Capability> parse(List<String> names) {
        var set = EnumSet.noneOf(Capability.class);
        for (String name : names) {
            for (Capability capability : Capability.values()) {
                if (capability.name().equals(name)) {
                    set.add(capability);
                }
            }
        }
        return Set.copyOf(set);
    }

    /**
     * Puts this handler in place of Vert.x's ({@code handler}) and drops Netty's frame encoder (every write here is
     * already bytes); adds Netty's aggregator for fragmented messages of at most {@code maxMessageBytes}. Event loop
     * only, right after the upgrade.
     */
    void install(int maxMessageBytes) {
        var pipeline = channel.pipeline();
        if (pipeline.get("wsencoder") != null) {
            pipeline.remove("wsencoder");
        }
        pipeline.replace("handler", "chat", this);
        pipeline.addBefore("chat", "chat-aggregator", new WebSocketFrameAggregator(maxMessageBytes));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String remoteAddress() {
        return channel.remoteAddress() instanceof java.net.InetSocketAddress address
                ? address.getAddress().getHostAddress()
                : "";
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

    long fanoutPosition() {
        return fanoutPosition;
    }

    void fanoutPosition(long position) {
        this.fanoutPosition = position;
    }

    /** Ends the session at its expiry (runs {@code task} on the event loop {@code millis} from now). */
    void endSessionIn(long millis, Runnable task) {
        sessionEnd = channel.eventLoop().schedule(task, millis, TimeUnit.MILLISECONDS);
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
        write(TextFrames.encode(channel.alloc(), List.of(frame)));
    }

    /** Writes and flushes {@code bytes} (taking ownership) unless the close frame was sent. Event loop only. */
    private void write(ByteBuf bytes) {
        ChannelHandlerContext ctx = context;
        if (closeSent || ctx == null) {
            bytes.release();
            return;
        }
        ctx.writeAndFlush(bytes, channel.voidPromise());
    }

    /**
     * Writes a retained slice of a fan-out log ({@code length} bytes from {@code index}) with one write and one flush,
     * unless the connection is closing; false (nothing written) when the bytes would overflow the outbound bound.
     * Event loop only.
     */
    boolean writeBatch(ByteBuf log, int index, int length) {
        if (closeSent || !channel.isActive()) {
            return true;
        }
        if (queueFull(length)) {
            return false;
        }
        write(log.retainedSlice(index, length));
        return true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            switch (msg) {
                case TextWebSocketFrame text -> {
                    heard();
                    if (closing == null) {
                        events.text(this, text.text());
                    }
                }
                case PingWebSocketFrame ping -> {
                    heard();
                    write(ControlFrames.pong(channel.alloc(), ping.content()));
                }
                case PongWebSocketFrame pong -> heard();
                case CloseWebSocketFrame close -> answerClose(close);
                case BinaryWebSocketFrame binary -> close(CloseReason.BINARY_MESSAGE);
                default -> LOG.debug("Ignoring {} from {}", msg.getClass().getSimpleName(), userId);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The client closes: echo its code (RFC 6455 §5.5.1) unless our close frame went first, then close TCP. */
    private void answerClose(CloseWebSocketFrame close) {
        CLOSING.compareAndSet(this, null, CloseReason.SHUTDOWN);
        if (closeSent) {
            channel.close();
            return;
        }
        int code = close.statusCode() < 0 ? 1000 : close.statusCode();
        ByteBuf answer = ControlFrames.close(channel.alloc(), code, "");
        closeSent = true;
        context.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Chat socket of {} failed: {}", userId, cause.toString());
            channel.close();
        } else {
            LOG.debug("Chat socket of {} sent a bad frame: {}", userId, cause.toString());
            close(CloseReason.ofSocketFailure(cause));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ScheduledFuture<?> end = sessionEnd;
        if (end != null) {
            end.cancel(false);
        }
        events.closed(this);
    }

    @Override
    public void disconnect(DisconnectCause cause) {
        close(CloseReason.of(cause));
    }

    /** Sends {@code lastFrame} (ignoring the queue bound), then closes with {@code reason}. Idempotent. */
    void closeAfter(EncodedFrame lastFrame, CloseReason reason) {
        if (CLOSING.compareAndSet(this, null, reason)) {
            inOrder(() -> {
                writeFrame(lastFrame);
                closeNow(reason);
            });
        }
    }

    /**
     * Closes with {@code reason} after what is queued; completes when the TCP connection is closed. Never blocks;
     * idempotent (the first reason wins).
     */
    Future<Void> close(CloseReason reason) {
        Promise<Void> closed = Promise.promise();
        channel.closeFuture().addListener(done -> closed.tryComplete());
        if (CLOSING.compareAndSet(this, null, reason)) {
            inOrder(() -> closeNow(reason));
        }
        return closed.future();
    }

    /** Writes the close frame and cuts the connection if it is still open {@link #CLOSE_GRACE_SECONDS} s later. */
    private void closeNow(CloseReason reason) {
        write(ControlFrames.close(channel.alloc(), reason.code(), reason.reason()));
        closeSent = true;
        channel.eventLoop().schedule(this::cut, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes the TCP connection now, dropping what is still queued. */
    private void cut() {
        if (channel.isOpen()) {
            channel.close();
        }
    }

    /** Why the gateway is closing this connection, if it is. */
    @Nullable
    CloseReason closing() {
        return closing;
    }

    /** Records that the client sent something (a message, a ping or a pong). */
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
            try {
                channel.eventLoop().execute(() -> write(ControlFrames.ping(channel.alloc())));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }
}
