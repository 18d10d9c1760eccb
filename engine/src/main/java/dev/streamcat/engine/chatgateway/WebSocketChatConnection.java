package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.protocol.Capability;
import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.chat.room.DisconnectCause;
import dev.streamcat.engine.chat.ChatTokenClaims;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.http.WebSocketInternal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A chat connection over a Vert.x {@link ServerWebSocket}. Each frame is written as a WebSocket text frame that wraps
 * the shared {@link EncodedFrame} bytes (no copy, no re-encoding); Vert.x coalesces the flushes of writes queued from
 * other threads while it drains them, and of writes made during a read. The outbound queue is bounded by frames and
 * bytes not yet written to the socket ({@link #send} returns false beyond either bound, and the room drops the
 * connection as a slow consumer). Closing queues a close frame after what is queued, then cuts the TCP connection
 * {@link #CLOSE_GRACE_SECONDS} seconds later if it is still open: a slow consumer may never read far enough to see the
 * close frame, and Vert.x only starts its own closing timeout once the close frame is written.
 *
 * <p>Thread-safe: {@link #send}, {@link #disconnect}, {@link #close} and {@link #ping} may be called from any thread
 * and never block; the socket's handlers (installed by the gateway) run on its event loop.
 */
final class WebSocketChatConnection implements ChatConnection {
    /** How long a closing connection may take to answer the close frame before it is cut. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final ChatTokenClaims claims;
    private final Set<Capability> capabilities;
    private final String remoteAddress;
    private final int maxQueuedFrames;
    private final long maxQueuedBytes;
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicReference<@Nullable CloseReason> closing = new AtomicReference<>();
    private volatile long lastHeardNanos = System.nanoTime();

    WebSocketChatConnection(
            Vertx vertx, ServerWebSocket socket, ChatTokenClaims claims, int maxQueuedFrames, long maxQueuedBytes) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.capabilities = capabilities(claims);
        var address = socket.remoteAddress();
        this.remoteAddress = address == null ? "" : address.hostAddress();
        this.maxQueuedFrames = maxQueuedFrames;
        this.maxQueuedBytes = maxQueuedBytes;
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
        return remoteAddress;
    }

    /** The token this connection was opened with. */
    ChatTokenClaims claims() {
        return claims;
    }

    @Override
    public boolean send(EncodedFrame frame) {
        if (closing.get() != null) {
            return true;
        }
        int size = frame.size();
        int frames = queuedFrames.incrementAndGet();
        long bytes = queuedBytes.addAndGet(size);
        if (frames > maxQueuedFrames || bytes > maxQueuedBytes) {
            queuedFrames.decrementAndGet();
            queuedBytes.addAndGet(-size);
            return false;
        }
        write(frame).onComplete(done -> {
            queuedFrames.decrementAndGet();
            queuedBytes.addAndGet(-size);
        });
        return true;
    }

    private Future<Void> write(EncodedFrame frame) {
        return socket.writeFrame(textFrame(frame));
    }

    /**
     * A final text frame over the frame's bytes. Vert.x's public API only builds text frames from a {@code String}
     * (which it would re-encode to UTF-8 for every connection), so this uses the public constructor of its frame
     * implementation; the wrapped buffer is unpooled heap memory, so there is nothing to release.
     */
    private static WebSocketFrame textFrame(EncodedFrame frame) {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frame.buffer()), true);
    }

    /** Frames queued and not yet written to the socket. */
    int queuedFrames() {
        return queuedFrames.get();
    }

    @Override
    public void disconnect(DisconnectCause cause) {
        close(CloseReason.of(cause));
    }

    /** Sends {@code lastFrame} (ignoring the queue bound), then closes with {@code reason}. Idempotent. */
    void closeAfter(EncodedFrame lastFrame, CloseReason reason) {
        if (closing.compareAndSet(null, reason)) {
            write(lastFrame);
            shutdown(reason);
        }
    }

    /** Closes with {@code reason} after what is queued. Never blocks; idempotent (the first reason wins). */
    Future<Void> close(CloseReason reason) {
        if (!closing.compareAndSet(null, reason)) {
            return Future.succeededFuture();
        }
        return shutdown(reason);
    }

    /** Queues the close frame, and cuts the TCP connection if it is still open {@link #CLOSE_GRACE_SECONDS} s later. */
    private Future<Void> shutdown(CloseReason reason) {
        vertx.setTimer(TimeUnit.SECONDS.toMillis(CLOSE_GRACE_SECONDS), id -> cut());
        return socket.close(reason.code(), reason.reason());
    }

    /**
     * Closes the TCP connection now, failing what is still queued. Vert.x's internal SPI is the only way to reach the
     * channel, and the close must bypass the pipeline: Vert.x turns a pipeline close of a WebSocket into yet another
     * close frame, stuck behind the same queue.
     */
    private void cut() {
        if (socket instanceof WebSocketInternal internal) {
            Channel channel = internal.channelHandlerContext().channel();
            channel.eventLoop().execute(() -> {
                if (channel.isOpen()) {
                    channel.unsafe().close(channel.voidPromise());
                }
            });
        }
    }

    /**
     * Merges this connection's flushes (Netty {@code FlushConsolidationHandler}, also outside reads): a
     * burst of frames for one client leaves in one {@code writev} instead of one system call each. At
     * chat fan-out rates the write system call per delivery is the server's main cost.
     */
    void consolidateFlushes() {
        if (socket instanceof WebSocketInternal internal) {
            Channel channel = internal.channelHandlerContext().channel();
            channel.eventLoop().execute(() -> {
                if (channel.isOpen() && channel.pipeline().get(FlushConsolidationHandler.class) == null) {
                    channel.pipeline().addFirst(new FlushConsolidationHandler(64, true));
                }
            });
        }
    }

    /** Why the gateway is closing this connection, if it is. */
    @Nullable
    CloseReason closing() {
        return closing.get();
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
        if (closing.get() == null) {
            socket.writePing(Buffer.buffer());
        }
    }
}
