package dev.streamcat.rtmp.internal.session;

import static java.util.Objects.requireNonNull;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.CloseReason;
import dev.streamcat.rtmp.PublishDecision;
import dev.streamcat.rtmp.PublishRequest;
import dev.streamcat.rtmp.PublishSink;
import dev.streamcat.rtmp.RtmpStatus;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import dev.streamcat.rtmp.internal.message.RtmpMessage.MediaMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish session state machine, one per connection: {@code AWAIT_CONNECT} → ({@code connect})
 * {@code CONNECTED} → ({@code publish}) {@code AUTHORIZING} → (accepted) {@code PUBLISHING} → ({@code
 * FCUnpublish}/{@code deleteStream}) {@code CONNECTED}; any state → {@code CLOSED}. Commands follow RTMP
 * 1.0 §7.2; unknown commands ({@code _checkbw}, {@code getStreamLength}, ...) are ignored.
 *
 * <p>While the authorizer decides, reading stops and messages already decoded are queued up to {@link
 * dev.streamcat.rtmp.RtmpLimits#maxPendingBytes()}. Media is checked against the {@link
 * dev.streamcat.rtmp.CodecPolicy} tag by tag and passed to the sink borrowed (released after the call).
 *
 * <p>Not thread-safe: confined to the connection's event loop; the authorizer's answer and {@link
 * dev.streamcat.rtmp.PublishHandle#close()} hop onto it.
 */
public final class PublishSessionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PublishSessionHandler.class);
    private static final long WINDOW_ACK_SIZE = 5_000_000;
    private static final int OUTGOING_CHUNK_SIZE = 4096;
    private static final int MAX_CREATED_STREAMS = 8;
    /** How long a connection closed with last words drains its input before it is closed for good. */
    private static final long LINGER_MS = 2_000;

    private enum State {
        AWAIT_CONNECT,
        CONNECTED,
        AUTHORIZING,
        PUBLISHING,
        CLOSED
    }

    private final SessionConfig config;
    private final PendingMessages queued;
    private State state = State.AWAIT_CONNECT;
    private String tcUrl = "";
    private int createdStreams;
    private int publishStreamId;
    private @Nullable String claimedName;
    private @Nullable PublishRequest request;
    private @Nullable PublishSink sink;
    private @Nullable SessionHandle handle;
    private @Nullable ScheduledFuture<?> authorizationTimeout;
    private ReadPacer pacer = new ReadPacer(null);

    public PublishSessionHandler(SessionConfig config) {
        this.config = config;
        this.queued = new PendingMessages(config.limits().maxPendingBytes());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RtmpMessage message)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (state == State.CLOSED) {
            ReferenceCountUtil.release(message); // draining while the last words reach the client
            return;
        }
        if (state == State.AUTHORIZING) {
            enqueue(ctx, message);
            return;
        }
        handle(ctx, message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        PublishSink current = sink;
        if (state == State.PUBLISHING && current != null) {
            long urgentFrom;
            try {
                urgentFrom = current.urgentFromMs();
            } catch (RuntimeException e) {
                urgentFrom = Long.MIN_VALUE;
            }
            pacer.afterReads(urgentFrom);
        }
        ctx.fireChannelReadComplete();
    }

    private void handle(ChannelHandlerContext ctx, RtmpMessage message) {
        switch (message) {
            case RtmpMessage.Command command -> onCommand(ctx, command);
            case RtmpMessage.Data data -> onData(ctx, data);
            case MediaMessage media -> onMedia(ctx, media);
            case RtmpMessage.PingRequest ping -> ctx.writeAndFlush(new RtmpMessage.PingResponse(ping.timestamp()));
            case RtmpMessage.SetChunkSize m -> {}
            case RtmpMessage.Abort m -> {}
            case RtmpMessage.Acknowledgement m -> {}
            case RtmpMessage.WindowAckSize m -> {}
            case RtmpMessage.SetPeerBandwidth m -> {}
            case RtmpMessage.StreamBegin m -> {}
            case RtmpMessage.StreamEof m -> {}
            case RtmpMessage.SetBufferLength m -> {}
            case RtmpMessage.PingResponse m -> {}
            case RtmpMessage.OtherUserControl m -> {}
            case RtmpMessage.Ignored m -> {}
        }
    }

    private void onCommand(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state == State.CLOSED) {
            return;
        }
        switch (command.name()) {
            case "connect" -> onConnect(ctx, command);
            case "releaseStream", "FCPublish" -> {
                requireConnected(ctx, command);
                if (command.transactionId() != 0) {
                    ctx.write(Replies.result(command.transactionId(), AmfNull.UNDEFINED));
                }
                if (command.name().equals("FCPublish")) {
                    ctx.write(Replies.onFcPublish(stringArgument(command, 1)));
                }
                ctx.flush();
            }
            case "createStream" -> onCreateStream(ctx, command);
            case "publish" -> onPublish(ctx, command);
            case "FCUnpublish", "deleteStream", "closeStream" -> onUnpublish(ctx);
            default -> LOG.debug("{} ignoring command {}", ctx.channel(), command.name());
        }
    }

    private void onConnect(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state != State.AWAIT_CONNECT) {
            violation(ctx, "connect sent twice");
            return;
        }
        Map<?, ?> properties =
                command.arguments().isEmpty() || !(command.arguments().get(0) instanceof Map<?, ?> m) ? Map.of() : m;
        String app = StreamName.parse(properties.get("app") instanceof String s ? s : "")
                .name();
        tcUrl = properties.get("tcUrl") instanceof String s ? s : "";
        if (!app.equals(config.application())) {
            closeWith(
                    ctx,
                    new CloseReason.ProtocolViolation("unknown application " + app),
                    Optional.of(Replies.connectError(
                            command.transactionId(), RtmpStatus.CONNECT_INVALID_APP, "Unknown application")));
            return;
        }
        double objectEncoding = properties.get("objectEncoding") instanceof Number n ? n.doubleValue() : 0;
        ctx.write(new RtmpMessage.WindowAckSize(WINDOW_ACK_SIZE));
        ctx.write(new RtmpMessage.SetPeerBandwidth(WINDOW_ACK_SIZE, 2));
        ctx.write(new RtmpMessage.SetChunkSize(OUTGOING_CHUNK_SIZE));
        ctx.writeAndFlush(Replies.connectResult(command.transactionId(), objectEncoding));
        state = State.CONNECTED;
    }

    private void onCreateStream(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (!requireConnected(ctx, command)) {
            return;
        }
        if (++createdStreams > MAX_CREATED_STREAMS) {
            violation(ctx, "more than " + MAX_CREATED_STREAMS + " createStream calls");
            return;
        }
        ctx.writeAndFlush(Replies.result(command.transactionId(), (double) createdStreams));
    }

    private void onPublish(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state != State.CONNECTED) {
            violation(ctx, "publish in state " + state);
            return;
        }
        publishStreamId = command.streamId();
        StreamName key = StreamName.parse(stringArgument(command, 1));
        if (key.name().isEmpty()) {
            reject(ctx, RtmpStatus.PUBLISH_BAD_NAME, "Missing stream key");
            return;
        }
        String name = config.application() + "/" + key.name();
        if (!config.registry().claim(name)) {
            reject(ctx, RtmpStatus.PUBLISH_BAD_NAME, "Already publishing");
            return;
        }
        claimedName = name;
        state = State.AUTHORIZING;
        ctx.channel().config().setAutoRead(false);
        var asked = new PublishRequest(
                config.application(), key.name(), key.query(), tcUrl, remoteAddress(ctx), config.secure());
        request = asked;
        authorizationTimeout = ctx.executor()
                .schedule(
                        () -> decide(ctx, PublishDecision.denied("Authorization timed out"), null),
                        config.limits().authorizationTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
        CompletionStage<PublishDecision> decision;
        try {
            decision = config.authorizer().authorize(asked);
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        decision.whenComplete((answer, error) -> {
            try {
                ctx.executor().execute(() -> decide(ctx, answer, error));
            } catch (RejectedExecutionException e) {
                if (answer instanceof PublishDecision.Accepted accepted) {
                    notifyClose(accepted.sink(), new CloseReason.Stopped());
                }
            }
        });
    }

    private void decide(ChannelHandlerContext ctx, @Nullable PublishDecision decision, @Nullable Throwable error) {
        if (state != State.AUTHORIZING) {
            if (decision instanceof PublishDecision.Accepted late) {
                notifyClose(late.sink(), new CloseReason.Disconnected());
            }
            return;
        }
        cancelAuthorizationTimeout();
        if (decision == null || error != null) {
            LOG.warn("{} authorizer failed", ctx.channel(), error);
            decision = PublishDecision.denied("Authorization failed");
        }
        switch (decision) {
            case PublishDecision.Rejected rejected -> reject(ctx, rejected.status(), rejected.description());
            case PublishDecision.Accepted accepted -> start(ctx, accepted.sink(), requireNonNull(request));
        }
    }

    private void start(ChannelHandlerContext ctx, PublishSink accepted, PublishRequest publish) {
        state = State.PUBLISHING;
        sink = accepted;
        String key = publish.streamKey();
        SessionHandle started = new SessionHandle(ctx, publish, this::stop);
        handle = started;
        ctx.write(new RtmpMessage.StreamBegin(publishStreamId));
        ctx.writeAndFlush(Replies.onStatus(publishStreamId, RtmpStatus.PUBLISH_START, "Publishing " + key));
        callSink(ctx, () -> accepted.onStart(started));
        pacer = ReadPacer.forChannel(ctx, config.readPacing());
        for (Optional<RtmpMessage> next = queued.poll();
                state == State.PUBLISHING && next.isPresent();
                next = queued.poll()) {
            handle(ctx, next.get());
        }
        queued.releaseAll();
        ctx.channel().config().setAutoRead(true);
    }

    private void stop(ChannelHandlerContext ctx, SessionHandle stopping) {
        if (state == State.PUBLISHING && handle == stopping) {
            closeWith(
                    ctx,
                    new CloseReason.Stopped(),
                    Optional.of(Replies.onStatus(
                            publishStreamId, RtmpStatus.UNPUBLISH_SUCCESS, "Stream stopped by the server")));
        }
    }

    private void onUnpublish(ChannelHandlerContext ctx) {
        if (state == State.PUBLISHING) {
            endPublish(new CloseReason.Unpublished());
            state = State.CONNECTED;
            ctx.writeAndFlush(Replies.onStatus(publishStreamId, RtmpStatus.UNPUBLISH_SUCCESS, "Unpublished"));
        }
    }

    private void onData(ChannelHandlerContext ctx, RtmpMessage.Data data) {
        PublishSink current = sink;
        if (state != State.PUBLISHING || current == null) {
            return;
        }
        List<Object> values = data.values();
        if (!values.isEmpty() && "@setDataFrame".equals(values.get(0))) {
            values = values.subList(1, values.size());
        }
        if (values.size() >= 2 && "onMetaData".equals(values.get(0)) && values.get(1) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) map;
            callSink(ctx, () -> current.onMetadata(metadata));
        }
    }

    private void onMedia(ChannelHandlerContext ctx, MediaMessage media) {
        try {
            PublishSink current = sink;
            if (state != State.PUBLISHING || current == null || !media.payload().isReadable()) {
                return;
            }
            Optional<String> refused = FlvTags.refusal(media, config.codecPolicy());
            if (refused.isPresent()) {
                String codec = refused.get();
                closeWith(
                        ctx,
                        new CloseReason.UnsupportedCodec(codec),
                        Optional.of(Replies.onStatus(
                                publishStreamId, RtmpStatus.STREAM_FAILED, "Unsupported codec " + codec)));
                return;
            }
            pacer.onMessage(media.timestamp());
            if (media instanceof RtmpMessage.Video) {
                callSink(ctx, () -> current.onVideo(media.timestamp(), media.payload()));
            } else {
                callSink(ctx, () -> current.onAudio(media.timestamp(), media.payload()));
            }
        } finally {
            media.release();
        }
    }

    private void enqueue(ChannelHandlerContext ctx, RtmpMessage message) {
        if (!queued.add(message)) {
            violation(ctx, "more than " + config.limits().maxPendingBytes() + " bytes queued during authorization");
        }
    }

    private boolean requireConnected(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state == State.AWAIT_CONNECT) {
            violation(ctx, command.name() + " before connect");
            return false;
        }
        return true;
    }

    private void reject(ChannelHandlerContext ctx, RtmpStatus status, String description) {
        LOG.info("{} publish refused: {} {}", ctx.channel(), status.code(), description);
        closeWith(
                ctx,
                new CloseReason.ProtocolViolation(description),
                Optional.of(Replies.onStatus(publishStreamId, status, description)));
    }

    private void violation(ChannelHandlerContext ctx, String detail) {
        LOG.debug("{} protocol violation: {}", ctx.channel(), detail);
        closeWith(ctx, new CloseReason.ProtocolViolation(detail), Optional.empty());
    }

    /** The one way into {@code CLOSED}: ends the publish, frees everything, optionally says why, closes. */
    private void closeWith(ChannelHandlerContext ctx, CloseReason reason, Optional<RtmpMessage> lastWords) {
        if (state == State.CLOSED) {
            return;
        }
        endPublish(reason);
        state = State.CLOSED;
        cancelAuthorizationTimeout();
        releaseClaim();
        releaseQueued();
        if (lastWords.isPresent() && ctx.channel().isActive()) {
            ctx.writeAndFlush(lastWords.get()).addListener(written -> linger(ctx));
        } else {
            ctx.close();
        }
    }

    /**
     * Half-closes after the last words, drains (and drops) input for {@link #LINGER_MS}, then closes. A client
     * still sending media when refused (ffmpeg's {@code rtmp_write} only peeks for server messages between
     * packets) would get a TCP reset from a plain close with its data unread, and the reset discards the
     * {@code onStatus} still in its receive buffer: ffmpeg then says "Connection reset by peer" instead of
     * "Server error: Unsupported codec ...". A FIN after the status lets it read the status first.
     */
    private static void linger(ChannelHandlerContext ctx) {
        if (!(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isActive()) {
            ctx.close();
            return;
        }
        duplex.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        try {
            ctx.executor().schedule(() -> ctx.close(), LINGER_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    private void endPublish(CloseReason reason) {
        PublishSink current = sink;
        SessionHandle currentHandle = handle;
        sink = null;
        handle = null;
        pacer.stop();
        if (currentHandle != null) {
            currentHandle.deactivate();
        }
        releaseClaim();
        if (current != null) {
            notifyClose(current, reason);
        }
    }

    private void callSink(ChannelHandlerContext ctx, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{} publish sink failed", ctx.channel(), e);
            closeWith(ctx, new CloseReason.SinkFailed(e.toString()), Optional.empty());
        }
    }

    private static void notifyClose(PublishSink target, CloseReason reason) {
        try {
            target.onClose(reason);
        } catch (RuntimeException e) {
            LOG.warn("publish sink failed in onClose", e);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            closeWith(ctx, new CloseReason.TimedOut(), Optional.empty());
        } else if (event instanceof ServerShutdownEvent) {
            closeWith(ctx, new CloseReason.Stopped(), Optional.empty());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closeWith(ctx, new CloseReason.Disconnected(), Optional.empty());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        LOG.debug("{} closing after error", ctx.channel(), cause);
        closeWith(ctx, new CloseReason.ProtocolViolation(String.valueOf(root.getMessage())), Optional.empty());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseQueued();
        releaseClaim();
    }

    private void cancelAuthorizationTimeout() {
        ScheduledFuture<?> timeout = authorizationTimeout;
        authorizationTimeout = null;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private void releaseClaim() {
        String name = claimedName;
        claimedName = null;
        if (name != null) {
            config.registry().release(name);
        }
    }

    private void releaseQueued() {
        queued.releaseAll();
    }

    private static String stringArgument(RtmpMessage.Command command, int index) {
        return command.arguments().size() > index && command.arguments().get(index) instanceof String s ? s : "";
    }

    private static InetSocketAddress remoteAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address
                : InetSocketAddress.createUnresolved("unknown", 0);
    }
}
