package dev.streamcat.app;

import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.app.account.AccountRoutes;
import dev.streamcat.app.account.LoginRateLimiter;
import dev.streamcat.app.account.PasswordHasher;
import dev.streamcat.app.account.Registration;
import dev.streamcat.app.account.UserStore;
import dev.streamcat.app.channel.CategoryStore;
import dev.streamcat.app.channel.ChannelRoutes;
import dev.streamcat.app.channel.ChannelStore;
import dev.streamcat.app.channel.FollowStore;
import dev.streamcat.app.channel.IvsLiveStatus;
import dev.streamcat.app.channel.LiveStatus;
import dev.streamcat.app.channel.StreamEvents;
import dev.streamcat.app.channel.StreamStateTracker;
import dev.streamcat.app.channel.StreamStore;
import dev.streamcat.app.chat.ChatBanStore;
import dev.streamcat.app.chat.ChatLogging;
import dev.streamcat.app.chat.ChatRoutes;
import dev.streamcat.app.dashboard.DashboardRoutes;
import dev.streamcat.app.home.HomeRoutes;
import dev.streamcat.app.web.AppDatabase;
import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.Csrf;
import dev.streamcat.app.web.ErrorHandler;
import dev.streamcat.app.web.Pages;
import dev.streamcat.app.web.SecurityHeaders;
import dev.streamcat.app.web.SessionStore;
import dev.streamcat.app.web.Sessions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The StreamCat app on its own HTTP listener: opens its tables, makes sure the chat logging
 * configuration exists, reconciles live state with the engine, then listens. {@code GET /healthz}
 * answers 200 from then on, 503 while stopping.
 *
 * <p>Thread-safe. {@link #start} and {@link #close} block: call them from a main or worker thread,
 * never from an event loop.
 */
public final class StreamCatApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCatApp.class);
    static final String HLS_PATH = "/vendor/hls/";

    private final AppDatabase database;
    private final Blocking blocking;
    private final StreamStateTracker tracker;
    private final StreamEvents streamEvents;
    private final HttpServer server;
    private final long purgeTimer;
    private final Vertx vertx;
    private final AtomicBoolean stopping;
    private boolean closed;

    private StreamCatApp(Parts parts, HttpServer server, long purgeTimer, Vertx vertx) {
        this.database = parts.database;
        this.blocking = parts.blocking;
        this.tracker = parts.tracker;
        this.streamEvents = parts.streamEvents;
        this.stopping = parts.stopping;
        this.server = server;
        this.purgeTimer = purgeTimer;
        this.vertx = vertx;
    }

    /** Starts with live state checked through {@code Ivs.getStream}/{@code listStreams}. */
    public static StreamCatApp start(Vertx vertx, AppConfig config, Ivs ivs, IvsChat chat, Clock clock) {
        return start(vertx, config, ivs, chat, clock, new IvsLiveStatus(ivs), Optional.empty());
    }

    /**
     * Starts with the given live-status probe (e.g. one calling {@code Ivs.getStream}); {@code
     * alsoNotify} receives every stream event before the app's own tracker.
     */
    public static StreamCatApp start(
            Vertx vertx,
            AppConfig config,
            Ivs ivs,
            IvsChat chat,
            Clock clock,
            LiveStatus liveStatus,
            Optional<StreamEvents> alsoNotify) {
        AppConfig.Database db = config.database();
        AppDatabase database = AppDatabase.openAndMigrate(db.jdbcUrl(), db.user(), db.password(), db.maxPoolSize());
        Blocking blocking = new Blocking(vertx, config.workerThreads());
        StreamStateTracker tracker = null;
        try {
            String loggingArn = ChatLogging.ensure(chat);
            Parts parts = new Parts(database, blocking, config, ivs, chat, clock, liveStatus, loggingArn);
            tracker = parts.tracker;
            tracker.reconcile();
            tracker.startPolling(Duration.ofSeconds(10));
            parts.streamEvents = alsoNotify.map(n -> n.andThen(parts.tracker)).orElse(parts.tracker);
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.bindHost())
                            .setPort(config.port())
                            .setCompressionSupported(true))
                    .requestHandler(parts.router(vertx))
                    .listen()
                    .await(30, TimeUnit.SECONDS);
            long timer = vertx.setPeriodic(
                    TimeUnit.HOURS.toMillis(1), id -> blocking.call(parts.sessionStore::purgeExpired));
            LOG.info("app listening on port {}", server.actualPort());
            return new StreamCatApp(parts, server, timer, vertx);
        } catch (Exception e) {
            if (tracker != null) tracker.close();
            blocking.close();
            database.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("app start failed", e);
        }
    }

    /** The sink for the engine's stream-state events; never blocks. */
    public StreamEvents streamEvents() {
        return event -> streamEvents.onStreamStateChange(event);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping.set(true);
        vertx.cancelTimer(purgeTimer);
        try {
            server.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("app listener did not close cleanly: {}", e.toString());
        }
        tracker.close();
        blocking.close();
        database.close();
    }

    /** Everything the routes share, built once. Confined to start-up. */
    private static final class Parts {
        final AppDatabase database;
        final Blocking blocking;
        final AppConfig config;
        final Clock clock;
        final Ivs ivs;
        final IvsChat chat;
        final SessionStore sessionStore;
        final Sessions sessions;
        final Pages pages = new Pages();
        final UserStore users;
        final ChannelStore channels;
        final CategoryStore categories;
        final StreamStore streams;
        final FollowStore follows;
        final StreamStateTracker tracker;
        final String loggingArn;
        final AtomicBoolean stopping = new AtomicBoolean();
        StreamEvents streamEvents;

        Parts(
                AppDatabase database,
                Blocking blocking,
                AppConfig config,
                Ivs ivs,
                IvsChat chat,
                Clock clock,
                LiveStatus liveStatus,
                String loggingArn) {
            this.database = database;
            this.blocking = blocking;
            this.config = config;
            this.clock = clock;
            this.ivs = ivs;
            this.chat = chat;
            this.loggingArn = loggingArn;
            var jdbi = database.jdbi();
            this.sessionStore = new SessionStore(jdbi, clock, config.sessionTtl(), Duration.ofDays(1));
            this.sessions = new Sessions(sessionStore, blocking, config.secureCookies());
            this.users = new UserStore(jdbi, clock);
            this.channels = new ChannelStore(jdbi, clock);
            this.categories = new CategoryStore(jdbi);
            this.streams = new StreamStore(jdbi);
            this.follows = new FollowStore(jdbi, clock);
            this.tracker = new StreamStateTracker(channels, streams, liveStatus, clock);
            this.streamEvents = tracker;
        }

        Router router(Vertx vertx) {
            Router router = Router.router(vertx);
            if (config.trustProxyHeaders()) {
                router.allowForward(AllowForwardHeaders.X_FORWARD);
            }
            router.route().handler(new SecurityHeaders(config.engineOrigins(), config.secureCookies()));
            router.get("/healthz").handler(ctx -> ctx.response()
                    .setStatusCode(stopping.get() ? 503 : 200)
                    .putHeader("Content-Type", "text/plain")
                    .end(stopping.get() ? "stopping" : "ok"));
            router.route("/assets/*")
                    .handler(StaticHandler.create("webroot/assets").setMaxAgeSeconds(3600));
            router.route(HLS_PATH + "*")
                    .handler(StaticHandler.create("META-INF/resources/webjars/hls.js/" + hlsVersion() + "/dist")
                            .setMaxAgeSeconds(86400));
            router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
            router.route().handler(sessions);
            router.route().handler(new Csrf());
            String hlsScript = HLS_PATH + "hls.min.js";
            PasswordHasher hasher = new PasswordHasher();
            Registration registration = new Registration(
                    users, channels, categories, hasher, ivs, chat, config.profanityHandlerArn(), loggingArn);
            LoginRateLimiter limiter = new LoginRateLimiter(clock, 5, Duration.ofMinutes(15));
            new AccountRoutes(pages, sessions, blocking, users, hasher, registration, limiter).mount(router);
            new HomeRoutes(pages, blocking, channels, categories, clock).mount(router);
            new ChannelRoutes(pages, sessions, blocking, channels, follows, streams, clock, config.chatUrl(), hlsScript)
                    .mount(router);
            new DashboardRoutes(
                            pages,
                            blocking,
                            ivs,
                            channels,
                            categories,
                            streams,
                            follows,
                            clock,
                            config.ingestUrl(),
                            hlsScript)
                    .mount(router);
            new ChatRoutes(
                            sessions,
                            blocking,
                            chat,
                            channels,
                            new ChatBanStore(database.jdbi(), clock),
                            config.chatUrl())
                    .mount(router);
            router.route().handler(ctx -> ctx.fail(404));
            router.route().failureHandler(new ErrorHandler(pages));
            return router;
        }
    }

    /** The hls.js version of the WebJar on the class path. */
    static String hlsVersion() {
        try (InputStream in =
                StreamCatApp.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/hls.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the hls.js WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
