package dev.streamcat.engine.ingest;

import dev.streamcat.engine.LiveVideoConfig;
import dev.streamcat.engine.channel.IvsService;
import dev.streamcat.engine.stream.StreamRegistry;
import dev.streamcat.rtmp.RtmpServer;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * The engine's RTMP (and, with a certificate, RTMPS) listener, publishing at {@code app/<streamKey>}
 * as on Amazon IVS.
 *
 * <p>Thread-safe. {@link #start} and {@link #close()} block: call them from start-up or shutdown
 * threads, never from an event loop. Closing ends every stream ({@code Stream End}).
 */
public final class IngestServer implements AutoCloseable {
    private final RtmpServer server;

    private IngestServer(RtmpServer server) {
        this.server = server;
    }

    /**
     * Binds the listeners.
     *
     * @param lookups runs the blocking stream-key lookups
     */
    public static IngestServer start(
            LiveVideoConfig config, String bindHost, IvsService ivs, StreamRegistry registry, Executor lookups) {
        RtmpServer.Builder builder = RtmpServer.builder()
                .host(bindHost)
                .port(config.rtmpPort().orElseThrow())
                .readPacing(config.readPacing())
                .authorizer(new IngestAuthorizer(
                        ivs, registry, lookups, config.rtmps().isPresent()));
        config.rtmps().ifPresent(tls -> builder.tls(tls.port(), tls.certificateChain(), tls.privateKey()));
        return new IngestServer(builder.build().start());
    }

    /** The bound RTMP port. */
    public int port() {
        return server.port();
    }

    /** The bound RTMPS port, when configured. */
    public OptionalInt tlsPort() {
        return server.tlsPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
