package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.limit.Ticker;
import dev.streamcat.chat.log.ChatLogEntry;
import dev.streamcat.chat.protocol.ActionLimits;
import dev.streamcat.chat.protocol.ActionParser;
import dev.streamcat.chat.protocol.ChatErrorCode;
import dev.streamcat.chat.protocol.FrameEncoder;
import dev.streamcat.chat.protocol.IdGenerator;
import dev.streamcat.chat.protocol.ServerFrame;
import dev.streamcat.chat.review.BlockedTermsFilter;
import dev.streamcat.chat.review.ProfanityCensor;
import dev.streamcat.chat.review.ReviewBounds;
import dev.streamcat.chat.review.ReviewHandlerResolver;
import dev.streamcat.chat.room.ChatRuntime;
import dev.streamcat.chat.room.Fanout;
import dev.streamcat.chat.room.InProcessChatBus;
import dev.streamcat.chat.room.Room;
import dev.streamcat.chat.room.RoomRegistry;
import dev.streamcat.engine.chat.ChatTokenClaims;
import dev.streamcat.engine.chat.ChatTokenCodec;
import dev.streamcat.engine.chat.IvsChatService;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.storage.SpoolUploader;
import dev.streamcat.engine.timer.DemandTimer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's chat gateway: admits IVS Chat WebSocket connections at {@code /} of the engine listener, runs them
 * through the chat core's rooms, and serves the control API's messaging operations ({@link GatewayMessaging}) and chat
 * replay ({@link #chatHistory}).
 *
 * <p>Handshake: path {@code /} only; the chat token is the single {@code Sec-WebSocket-Protocol} value and is echoed
 * back (the listener is configured to accept any subprotocol, {@link #configure}); {@link TokenGate} checks it, then
 * the room is looked up (from memory, or the database on a worker thread); any failure is an HTTP error status
 * ({@link HandshakeRefusal}). An admitted connection closes at its token's {@code sessionExpirationTime} after an
 * {@code ERROR} 401 frame ({@link CloseReason#SESSION_EXPIRED}).
 *
 * <p>Thread-safe. Handshakes and socket handlers run on the connection's event loop and never block; database reads
 * and log-sink creation run on worker threads. {@link #close()} blocks (bounded) and is for engine shutdown.
 */
public final class ChatGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatGateway.class);
    private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** Connections are pinged in this many slices, one per {@code pingInterval / PING_SLICES}. */
    private static final int PING_SLICES = 16;

    private final Vertx vertx;
    private final ChatGatewayConfig config;
    private final Clock clock;
    private final ChatRuntime runtime;
    private final TokenGate gate;
    private final GatewayRooms rooms;
    private final LogSinks sinks;
    private final HttpClient http;
    private final GatewayMessaging messaging;
    /** Open connections and their rooms. */
    private final ConcurrentHashMap<WebSocketChatConnection, Room> connections = new ConcurrentHashMap<>();

    private final ConnectionEvents events = new ConnectionEvents();
    private final DemandTimer pingTimer;
    private final int pingSlices;
    private long pingTicks;
    private volatile boolean closing;

    private ChatGateway(Vertx vertx, ChatGatewayConfig config, Clock clock, Parts parts) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.runtime = parts.runtime();
        this.gate = parts.gate();
        this.rooms = parts.rooms();
        this.sinks = parts.sinks();
        this.http = parts.http();
        this.messaging = new GatewayMessaging(rooms);
        long interval = config.pingInterval().toMillis();
        this.pingSlices = (int) Math.min(PING_SLICES, Math.max(1, interval));
        long period = Math.max(1, interval / pingSlices);
        // Only while there are connections: an idle gateway has no timer.
        this.pingTimer = new DemandTimer(vertx, period, this::pingOrDropIdle, () -> !connections.isEmpty());
    }

    private record Parts(ChatRuntime runtime, TokenGate gate, GatewayRooms rooms, LogSinks sinks, HttpClient http) {}

    /**
     * Builds the gateway; chat logs are written under {@code <dataDir>/chat-logs}.
     *
     * @param usedTokens where spent tokens are remembered ({@link InMemoryUsedTokens} on one node)
     */
    public static ChatGateway create(
            Vertx vertx,
            IvsChatService service,
            ChatTokenCodec tokens,
            UsedTokens usedTokens,
            EngineIdentity identity,
            ChatGatewayConfig config,
            Path dataDir,
            Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var runtime = new ChatRuntime(
                new InProcessChatBus(),
                new ActionParser(new ActionLimits(config.maxFrameBytes(), 500, 32, 1024, 128, 256)),
                new FrameEncoder(),
                IdGenerator.secure(),
                clock,
                Ticker.system(),
                FloodGuard.FloodPolicy.defaults(),
                fanouts(vertx, config));
        var resolver = new ReviewHandlerResolver(
                http,
                config.review(),
                ReviewBounds.defaults(),
                profanity(config),
                new BlockedTermsFilter(config.blockedTerms()));
        Path logs = dataDir.resolve("chat-logs");
        var uploads = config.s3()
                .map(endpoint ->
                        SpoolUploader.start(LogSinks.spool(logs), endpoint, SpoolUploader.Settings.defaults()));
        var sinks = new LogSinks(logs, identity, config.firehose(), http, clock, uploads);
        var factory = new RoomSettingsFactory(resolver, sinks, config.historySize());
        var rooms = new GatewayRooms(service, factory, new RoomRegistry(runtime));
        var gate = new TokenGate(tokens, usedTokens, clock);
        return new ChatGateway(vertx, config, clock, new Parts(runtime, gate, rooms, sinks, http));
    }

    /**
     * Each room ticks on one of Vert.x's event loops, picked round-robin when the room opens ({@code VertxInternal} is
     * Vert.x's SPI for its Netty event loops).
     */
    private static Fanout.Factory fanouts(Vertx vertx, ChatGatewayConfig config) {
        long interval = config.fanoutInterval().toNanos();
        var loops = ((VertxInternal) vertx).nettyEventLoopGroup();
        return (roomId, slowConsumer) ->
                new EventLoopFanout(loops.next(), interval, ByteBufAllocator.DEFAULT, slowConsumer);
    }

    private static ProfanityCensor profanity(ChatGatewayConfig config) {
        if (config.profanityWords().isEmpty()) {
            return ProfanityCensor.withDefaultWords();
        }
        try {
            return ProfanityCensor.fromFile(config.profanityWords().get());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the profanity word list "
                            + config.profanityWords().get(),
                    e);
        }
    }

    /** Applies the gateway's WebSocket settings to the engine listener's options. */
    public HttpServerOptions configure(HttpServerOptions options) {
        return options.setMaxWebSocketFrameSize(config.maxFrameBytes())
                .setMaxWebSocketMessageSize(config.maxFrameBytes())
                // "*" makes Netty's handshaker echo the requested subprotocol, i.e. the chat token.
                .setWebSocketSubProtocols(List.of("*"))
                .setWebSocketClosingTimeout((int) WebSocketChatConnection.CLOSE_GRACE_SECONDS)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }

    /** Takes every WebSocket upgrade of {@code server} (before its request handler, so before the control API). */
    public void install(HttpServer server) {
        server.webSocketHandshakeHandler(this::onHandshake);
    }

    /** The messaging side the control API calls (SendEvent, DeleteMessage, DisconnectUser, room changes). */
    public GatewayMessaging messaging() {
        return messaging;
    }

    /**
     * Counters of the chat-log uploads to the S3-compatible endpoint (objects uploaded, failed attempts, objects
     * waiting in the spool); empty when no endpoint is configured.
     */
    public Optional<SpoolUploader.Stats> logUploads() {
        return sinks.uploadStats();
    }

    /** Open connections on this node. */
    public int connectionCount() {
        return connections.size();
    }

    private void onHandshake(ServerWebSocketHandshake handshake) {
        Optional<HandshakeRefusal> early = precheck(handshake);
        if (early.isPresent()) {
            refuse(handshake, early.get());
            return;
        }
        switch (gate.admit(handshake.headers().getAll(SUBPROTOCOL_HEADER))) {
            case TokenGate.Admission.Refused refused -> refuse(handshake, refused.refusal());
            case TokenGate.Admission.Admitted admitted -> {
                var claims = admitted.claims();
                Optional<Room> loaded = rooms.loaded(claims.roomArn());
                if (loaded.isPresent()) {
                    accept(handshake, new Admitted(claims, loaded.get()));
                    return;
                }
                vertx.getOrCreateContext()
                        .executeBlocking(() -> rooms.open(claims.roomArn()), false)
                        .onComplete(result -> {
                            if (result.failed()) {
                                LOG.warn("Cannot open chat room {}", claims.roomArn(), result.cause());
                                refuse(handshake, HandshakeRefusal.UNAVAILABLE);
                            } else if (result.result().isEmpty()) {
                                refuse(handshake, HandshakeRefusal.ROOM_NOT_FOUND);
                            } else {
                                accept(
                                        handshake,
                                        new Admitted(claims, result.result().get()));
                            }
                        });
            }
        }
    }

    private Optional<HandshakeRefusal> precheck(ServerWebSocketHandshake handshake) {
        if (closing) {
            return Optional.of(HandshakeRefusal.UNAVAILABLE);
        }
        if (!"/".equals(handshake.path())) {
            return Optional.of(HandshakeRefusal.WRONG_PATH);
        }
        String origin = handshake.headers().get("Origin");
        if (!config.allowedOrigins().isEmpty()
                && origin != null
                && !config.allowedOrigins().contains(origin)) {
            return Optional.of(HandshakeRefusal.ORIGIN_NOT_ALLOWED);
        }
        return Optional.empty();
    }

    private static void refuse(ServerWebSocketHandshake handshake, HandshakeRefusal refusal) {
        LOG.debug("Chat handshake from {} refused: {}", handshake.remoteAddress(), refusal.message());
        handshake.reject(refusal.status());
    }

    private record Admitted(ChatTokenClaims claims, Room room) {}

    private void accept(ServerWebSocketHandshake handshake, Admitted admitted) {
        handshake
                .accept()
                .onSuccess(socket -> open(socket, admitted))
                .onFailure(e -> LOG.debug("Chat handshake failed: {}", e.toString()));
    }

    private void open(ServerWebSocket socket, Admitted admitted) {
        if (!(socket instanceof WebSocketInternal internal)) {
            throw new IllegalStateException(
                    "not a Vert.x WebSocket: " + socket.getClass().getName());
        }
        Channel channel = internal.channelHandlerContext().channel();
        if (channel.eventLoop().inEventLoop()) {
            open(channel, admitted);
        } else {
            channel.eventLoop().execute(() -> open(channel, admitted));
        }
    }

    /** Takes the channel over from Vert.x and joins the room. Event loop only. */
    private void open(Channel channel, Admitted admitted) {
        if (!channel.isActive()) {
            return;
        }
        Room room = admitted.room();
        var connection = new WebSocketChatConnection(
                channel, admitted.claims(), events, config.maxQueuedFrames(), config.maxQueuedBytes());
        connection.install(config.maxFrameBytes());
        connections.put(connection, room);
        pingTimer.wake();
        connection.endSessionIn(millisUntil(admitted.claims().sessionExpiration()), () -> expire(connection));
        room.join(connection);
        if (closing) {
            connection.close(CloseReason.SHUTDOWN);
        } else if (rooms.loaded(admitted.claims().roomArn()).orElse(null) != room) {
            connection.close(CloseReason.ROOM_CLOSED);
        }
    }

    /** What every connection's input does: one shared instance. */
    private final class ConnectionEvents implements WebSocketChatConnection.Events {
        @Override
        public void text(WebSocketChatConnection connection, String text) {
            Room room = connections.get(connection);
            if (room != null) {
                handle(room, connection, text);
            }
        }

        @Override
        public void closed(WebSocketChatConnection connection) {
            Room room = connections.remove(connection);
            if (room != null) {
                room.leave(connection);
            }
        }
    }

    private static void handle(Room room, WebSocketChatConnection connection, String text) {
        try {
            room.handle(connection, text);
        } catch (IllegalStateException e) {
            // The room already dropped this connection (slow consumer, kicked, room closed); its close is under way.
            LOG.debug("Ignoring a frame from {}: {}", connection.userId(), e.getMessage());
        }
    }

    private long millisUntil(Instant instant) {
        return Math.max(1, Duration.between(clock.instant(), instant).toMillis());
    }

    private void expire(WebSocketChatConnection connection) {
        var error = new ServerFrame.Error(
                runtime.ids().next(), Optional.empty(), ChatErrorCode.UNAUTHORIZED, "Session expired");
        connection.closeAfter(runtime.encoder().encode(error), CloseReason.SESSION_EXPIRED);
    }

    /**
     * Pings one slice of the connections (or closes those silent for two intervals): each connection once per
     * interval, spread over it, so 19,000 pings and their pongs never arrive as one burst in front of chat messages.
     */
    private void pingOrDropIdle() {
        int slice = (int) (pingTicks++ % pingSlices);
        long idleLimit = config.pingInterval().toNanos() * 2;
        for (WebSocketChatConnection connection : connections.keySet()) {
            if (Math.floorMod(System.identityHashCode(connection), pingSlices) != slice) {
                continue;
            }
            if (connection.silentNanos() > idleLimit) {
                connection.close(CloseReason.IDLE);
            } else {
                connection.ping();
            }
        }
    }

    /**
     * The room's chat log between two instants ({@code from} inclusive, {@code to} exclusive), oldest first, at most
     * {@code limit} records, read from the room's first {@code cloudWatchLogs} logging configuration (the only
     * destination kept on local disk in a readable layout). Empty when the room does not exist or has no such
     * configuration. Blocking (database and file reads): call it off the event loop.
     */
    public List<ChatLogEntry> chatHistory(String roomArn, Instant from, Instant to, int limit) {
        return new ChatReplay(rooms.service(), sinks.root()).read(roomArn, from, to, limit);
    }

    /**
     * Stops admitting connections, closes every connection with 1001 ({@link CloseReason#SHUTDOWN}) and waits for
     * them (at most {@value #CLOSE_WAIT_SECONDS} s), closes the rooms, then drains and syncs every log sink and makes a
     * last, bounded attempt to upload finished S3 objects (what fails stays in the spool for the next start). Blocking.
     */
    @Override
    public void close() {
        closing = true;
        pingTimer.close();
        List<Future<Void>> closed = connections.keySet().stream()
                .map(connection -> connection.close(CloseReason.SHUTDOWN))
                .toList();
        try {
            Future.join(closed).toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Chat connections did not all close within {} s: {}", CLOSE_WAIT_SECONDS, e.toString());
        }
        rooms.close();
        sinks.close();
        http.close();
    }
}
