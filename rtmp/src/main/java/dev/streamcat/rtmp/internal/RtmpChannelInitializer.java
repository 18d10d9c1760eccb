package dev.streamcat.rtmp.internal;

import dev.streamcat.rtmp.RtmpLimits;
import dev.streamcat.rtmp.internal.chunk.ChunkDecoder;
import dev.streamcat.rtmp.internal.chunk.ChunkEncoder;
import dev.streamcat.rtmp.internal.handshake.HandshakeHandler;
import dev.streamcat.rtmp.internal.message.MessageDecoder;
import dev.streamcat.rtmp.internal.message.MessageEncoder;
import dev.streamcat.rtmp.internal.session.PublishSessionHandler;
import dev.streamcat.rtmp.internal.session.SessionConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one connection's pipeline (STYLE rule 4): {@code tls} (RTMPS only), {@code idle}, {@code
 * handshake} (removes itself), {@code chunkEncoder}, {@code chunkDecoder}, {@code messageEncoder}, {@code
 * messageDecoder}, {@code session}. Refuses connections beyond {@link RtmpLimits#maxConnections()}.
 *
 * <p>Thread-safe: shared by every connection of a listener; {@link #initChannel} runs on each child's
 * event loop.
 */
public final class RtmpChannelInitializer extends ChannelInitializer<Channel> {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpChannelInitializer.class);
    private static final MessageEncoder MESSAGE_ENCODER = new MessageEncoder();
    private static final MessageDecoder MESSAGE_DECODER = new MessageDecoder();

    private final SessionConfig config;
    private final Optional<SslContext> tls;
    private final ChannelGroup connections;

    public RtmpChannelInitializer(SessionConfig config, Optional<SslContext> tls, ChannelGroup connections) {
        this.config = config;
        this.tls = tls;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel channel) {
        RtmpLimits limits = config.limits();
        if (connections.size() >= limits.maxConnections()) {
            LOG.warn("refusing {}: {} connections open", channel.remoteAddress(), connections.size());
            channel.close();
            return;
        }
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        tls.ifPresent(context -> pipeline.addLast("tls", context.newHandler(channel.alloc())));
        pipeline.addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("handshake", new HandshakeHandler(limits.handshakeTimeout()));
        pipeline.addLast("chunkEncoder", new ChunkEncoder());
        pipeline.addLast("chunkDecoder", ChunkDecoder.of(limits));
        pipeline.addLast("messageEncoder", MESSAGE_ENCODER);
        pipeline.addLast("messageDecoder", MESSAGE_DECODER);
        pipeline.addLast("session", new PublishSessionHandler(config));
    }
}
