package dev.streamcat.rtmp;

import dev.streamcat.rtmp.internal.RtmpChannelInitializer;
import dev.streamcat.rtmp.internal.session.PublisherRegistry;
import dev.streamcat.rtmp.internal.session.ServerShutdownEvent;
import dev.streamcat.rtmp.internal.session.SessionConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The RTMP ingest server: a plain listener and, when configured, an RTMPS (TLS) listener on its own port.
 * Publishers connect to {@code rtmp://host:port/<application>/<streamKey>}.
 *
 * <pre>{@code
 * RtmpServer server = RtmpServer.builder()
 *         .host("0.0.0.0").port(1935)
 *         .tls(1936, Path.of("cert.pem"), Path.of("key.pem"))
 *         .authorizer(request -> engine.authorize(request))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Thread-safe. {@link #start()} and {@link #close()} block until the listeners are bound or closed:
 * call them from a start-up or shutdown thread, never from an event loop.
 */
public final class RtmpServer implements AutoCloseable {

    private final Builder settings;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup("rtmp", GlobalEventExecutor.INSTANCE);
    private final PublisherRegistry registry = new PublisherRegistry();
    private final List<Channel> listeners = new ArrayList<>();
    private @Nullable InetSocketAddress plainAddress;
    private @Nullable InetSocketAddress tlsAddress;

    private RtmpServer(Builder settings) {
        this.settings = settings;
        int threads =
                settings.threads > 0 ? settings.threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(threads, NettyTransport.ioHandlerFactory());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the listeners. */
    public synchronized RtmpServer start() {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        var config = new SessionConfig(
                settings.application,
                settings.authorizer(),
                settings.limits,
                settings.codecPolicy,
                registry,
                false,
                settings.readPacing);
        plainAddress = bind(settings.port, config, Optional.empty());
        if (settings.tlsContext != null) {
            tlsAddress = bind(settings.tlsPort, config.withSecure(true), Optional.of(settings.tlsContext));
        }
        return this;
    }

    private InetSocketAddress bind(int port, SessionConfig config, Optional<SslContext> tls) {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NettyTransport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RtmpChannelInitializer(config, tls, connections))
                .bind(settings.host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            throw new IllegalStateException("cannot listen on " + settings.host + ":" + port, bound.cause());
        }
        listeners.add(bound.channel());
        return (InetSocketAddress) bound.channel().localAddress();
    }

    /** The plain RTMP port (the bound one when 0 was asked for). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return Objects.requireNonNull(plainAddress, "not started");
    }

    /** The RTMPS port, if TLS is configured. */
    public OptionalInt tlsPort() {
        InetSocketAddress address = tlsAddress;
        return address == null ? OptionalInt.empty() : OptionalInt.of(address.getPort());
    }

    /** Open connections, publishing or not. */
    public int connectionCount() {
        return connections.size();
    }

    /** Stream names being published right now. */
    public int publishingCount() {
        return registry.size();
    }

    /**
     * Stops listening, ends every publish with {@link CloseReason.Stopped}, closes every connection and,
     * shuts its event loops down.
     */
    @Override
    public synchronized void close() {
        listeners.forEach(listener -> listener.close().awaitUninterruptibly());
        listeners.clear();
        connections.forEach(c -> c.pipeline().fireUserEventTriggered(ServerShutdownEvent.INSTANCE));
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Settings of an {@link RtmpServer}; not thread-safe. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 1935;
        private int tlsPort = 1936;
        private @Nullable SslContext tlsContext;
        private String application = "app";
        private @Nullable PublishAuthorizer authorizer;
        private RtmpLimits limits = RtmpLimits.defaults();
        private CodecPolicy codecPolicy = CodecPolicy.defaults();
        private int threads;
        private boolean readPacing = true;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Plain RTMP port, default 1935; 0 picks a free port. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** Enables RTMPS on {@code port} with a PEM certificate chain and a PEM PKCS#8 private key. */
        public Builder tls(int port, Path certificateChain, Path privateKey) {
            try {
                return tls(
                        port,
                        SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
                                .build());
            } catch (SSLException e) {
                throw new IllegalArgumentException("bad TLS certificate or key: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad TLS certificate or key: " + e.getMessage(), e);
            }
        }

        /** Enables RTMPS on {@code port} with a ready server {@link SslContext}. */
        public Builder tls(int port, SslContext context) {
            if (!context.isServer()) {
                throw new IllegalArgumentException("RTMPS needs a server SslContext");
            }
            this.tlsPort = checkPort(port);
            this.tlsContext = context;
            return this;
        }

        /** The application name in the publish URL, default {@code app} (as on Amazon IVS). */
        public Builder application(String application) {
            if (application.isEmpty() || application.contains("/")) {
                throw new IllegalArgumentException("application must be one non-empty path segment");
            }
            this.application = application;
            return this;
        }

        public Builder authorizer(PublishAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        public Builder limits(RtmpLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder codecPolicy(CodecPolicy codecPolicy) {
            this.codecPolicy = codecPolicy;
            return this;
        }

        /**
         * Event loop threads; 0 (default) means one per available processor. The loops never block, so
         * more (Netty's own default is two per processor) would only spread the connections thinner and
         * wake each loop more often for fewer messages.
         */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Read pacing (default on): while no message that could publish a part is due, a publishing
         * connection lets the kernel collect its bytes and reads them in one batch just before, instead
         * of waking for every message. Viewers see parts at the same moment; only the Linux epoll
         * transport supports it. See {@code docs/design/rtmp.md}.
         */
        public Builder readPacing(boolean on) {
            this.readPacing = on;
            return this;
        }

        public RtmpServer build() {
            authorizer();
            return new RtmpServer(this);
        }

        private PublishAuthorizer authorizer() {
            if (authorizer == null) {
                throw new IllegalStateException("an authorizer is required");
            }
            return authorizer;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
            }
            return port;
        }
    }
}
