package dev.streamcat.engine;

import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.chat.log.ChatLogEntry;
import dev.streamcat.engine.api.ControlApi;
import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.auth.SigV4Verifier;
import dev.streamcat.engine.channel.IvsService;
import dev.streamcat.engine.chat.ChatTokenCodec;
import dev.streamcat.engine.chat.IvsChatService;
import dev.streamcat.engine.chat.RoomMessaging;
import dev.streamcat.engine.chatgateway.ChatGateway;
import dev.streamcat.engine.chatgateway.InMemoryUsedTokens;
import dev.streamcat.engine.event.StreamEventListener;
import dev.streamcat.engine.persistence.Database;
import dev.streamcat.engine.persistence.EngineSecrets;
import dev.streamcat.engine.stream.StreamRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVS-compatible engine in one process: its tables, its services, its chat gateway and its HTTP
 * listener. Start it with {@link #start}; {@link #close()} closes chat connections (1001), flushes
 * chat logs, stops the listener and waits for in-flight requests. Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final IvsService ivs;
    private final IvsChatService chat;
    private final ChatGateway gateway;
    private final HttpServer server;
    private final LiveVideo live;
    private volatile boolean ready;

    private Engine(IvsService ivs, IvsChatService chat, ChatGateway gateway, HttpServer server, LiveVideo live) {
        this.ivs = ivs;
        this.chat = chat;
        this.gateway = gateway;
        this.server = server;
        this.live = live;
    }

    /**
     * Migrates the engine's tables, builds the services and the chat gateway and binds the HTTP
     * listener. Blocking. {@code clock} is the engine's wall clock (timestamps, token and session
     * expiry, SigV4 skew).
     */
    public static Engine start(Vertx vertx, EngineConfig config, Database database, Clock clock) {
        database.migrate("engine");
        LiveVideo live = LiveVideo.create(vertx, config.liveVideo(), database.jdbi(), config.identity(), clock);
        IvsService ivs = new IvsService(database.jdbi(), config.identity(), live.state(), clock);
        ChatTokenCodec tokens =
                new ChatTokenCodec(new EngineSecrets(database.jdbi()).getOrCreate("chat-token-key", 32));
        ChatGateway[] gatewayRef = new ChatGateway[1];
        IvsChatService chat = new IvsChatService(
                database.jdbi(),
                config.identity(),
                tokens,
                () -> gatewayRef[0] == null ? RoomMessaging.NO_CONNECTIONS : gatewayRef[0].messaging(),
                clock);
        ChatGateway gateway = ChatGateway.create(
                vertx,
                chat,
                tokens,
                new InMemoryUsedTokens(clock),
                config.identity(),
                config.chat(),
                config.dataDir(),
                clock);
        gatewayRef[0] = gateway;
        Map<String, Credentials> byKey =
                config.credentials().stream().collect(Collectors.toMap(Credentials::accessKeyId, Function.identity()));
        SigV4Verifier verifier = new SigV4Verifier(
                key -> Optional.ofNullable(byKey.get(key)), config.identity().region(), clock, config.maxClockSkew());

        Router router = Router.router(vertx);
        Engine[] self = new Engine[1];
        router.get("/healthz").handler(ctx -> ctx.response()
                .setStatusCode(self[0] != null && self[0].ready ? 200 : 503)
                .putHeader("Content-Type", "text/plain")
                .end(self[0] != null && self[0].ready ? "ok\n" : "starting\n"));
        live.mount(router, config.identity());
        new ControlApi(vertx, verifier, ivs, chat).mount(router);
        HttpServer server = vertx.createHttpServer(gateway.configure(new HttpServerOptions()
                        .setHost(config.bindHost())
                        .setPort(config.httpPort())
                        .setMaxInitialLineLength(8192)
                        .setMaxHeaderSize(16384)
                        .setCompressionSupported(false)))
                .requestHandler(router);
        // WebSocket upgrades reach the gateway before the router, so the control API's catch-all
        // route never sees them.
        gateway.install(server);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            gateway.close();
            live.close();
            throw new IllegalStateException(
                    "cannot listen on " + config.bindHost() + ":" + config.httpPort() + " (engine port): "
                            + rootMessage(e),
                    e);
        }
        try {
            live.startIngest(config.bindHost(), ivs);
        } catch (RuntimeException e) {
            gateway.close();
            live.close();
            server.close();
            throw e;
        }
        Engine engine = new Engine(ivs, chat, gateway, server, live);
        self[0] = engine;
        engine.ready = true;
        LOG.info("engine listening on {}:{}", config.bindHost(), server.actualPort());
        return engine;
    }

    /** The IVS API, in process. */
    public Ivs ivs() {
        return ivs;
    }

    /** The IVS Chat API, in process. */
    public IvsChat ivsChat() {
        return chat;
    }

    /** The engine's own view of the IVS service (stream key lookups for ingest). */
    public IvsService ivsService() {
        return ivs;
    }

    public int httpPort() {
        return server.actualPort();
    }

    /**
     * Adds an in-process listener of stream events ({@code IVS Stream State Change}, {@code IVS Stream
     * Health Change}); close the handle to remove it.
     */
    public AutoCloseable addStreamEventListener(StreamEventListener listener) {
        return live.events().addListener(listener);
    }

    /** The live streams (for the engine's own features and tests). */
    StreamRegistry streams() {
        return live.registry();
    }

    /** The bound RTMP ingest port; empty when ingest is disabled. */
    public OptionalInt rtmpPort() {
        return live.rtmpPort();
    }

    /** The bound RTMPS ingest port; empty unless a certificate is configured. */
    public OptionalInt rtmpsPort() {
        return live.rtmpsPort();
    }

    /** The chat gateway (connection counts, for monitoring and tests). */
    public ChatGateway chatGateway() {
        return gateway;
    }

    /**
     * Chat replay: the records of a room's chat log with {@code from <= event_timestamp < to},
     * oldest first, at most {@code limit}, each with its {@code payload} exactly as clients received
     * it. Read from the room's first {@code cloudWatchLogs} logging configuration (local files
     * under {@code <dataDir>/chat-logs/cloudwatch}); empty when the room does not exist or has no
     * such configuration. Blocking: call it off the event loop.
     */
    public List<ChatLogEntry> chatHistory(String roomArn, Instant from, Instant to, int limit) {
        return gateway.chatHistory(roomArn, from, to, limit);
    }

    @Override
    public void close() {
        ready = false;
        gateway.close();
        live.close();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("engine listener did not close cleanly: {}", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
