package dev.streamcat.rtmp.internal.session;

import dev.streamcat.rtmp.PublishHandle;
import dev.streamcat.rtmp.PublishRequest;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * {@link PublishHandle} of one publish. Thread-safe: {@link #close()} hops onto the connection's event
 * loop, where the session decides whether the publish is still the live one.
 */
final class SessionHandle implements PublishHandle {

    private final ChannelHandlerContext ctx;
    private final PublishRequest request;
    private final BiConsumer<ChannelHandlerContext, SessionHandle> stopper;
    private volatile boolean active = true;

    SessionHandle(
            ChannelHandlerContext ctx,
            PublishRequest request,
            BiConsumer<ChannelHandlerContext, SessionHandle> stopper) {
        this.ctx = ctx;
        this.request = request;
        this.stopper = stopper;
    }

    @Override
    public PublishRequest request() {
        return request;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    void deactivate() {
        active = false;
    }

    @Override
    public void close() {
        if (!active) {
            return;
        }
        try {
            ctx.executor().execute(() -> stopper.accept(ctx, this));
        } catch (RejectedExecutionException e) {
            active = false; // the event loop is gone, and the connection with it
        }
    }

    @Override
    public String toString() {
        return "PublishHandle[" + request.app() + "/" + request.streamKey() + " from " + request.remoteAddress() + "]";
    }
}
