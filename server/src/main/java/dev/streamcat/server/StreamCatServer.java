package dev.streamcat.server;

import dev.streamcat.app.AppConfig;
import dev.streamcat.app.StreamCatApp;
import dev.streamcat.engine.Engine;
import dev.streamcat.engine.EngineConfig;
import dev.streamcat.engine.LiveVideoConfig;
import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.persistence.Database;
import dev.streamcat.engine.persistence.DatabaseConfig;
import dev.streamcat.engine.resource.EngineIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StreamCat process: Vert.x, the database, the engine with its RTMP(S) ingest (and later the app),
 * started in dependency order and stopped in reverse. Thread-safe; {@link #close()} is idempotent.
 */
public final class StreamCatServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCatServer.class);

    private final ServerConfig config;
    private final Vertx vertx;
    private final Database database;
    private final Engine engine;
    private final StreamCatApp app;
    private final Credentials credentials;
    private final boolean credentialsGenerated;
    private boolean closed;

    private StreamCatServer(
            ServerConfig config,
            Vertx vertx,
            Database database,
            Engine engine,
            StreamCatApp app,
            Credentials credentials,
            boolean generated) {
        this.config = config;
        this.vertx = vertx;
        this.database = database;
        this.engine = engine;
        this.app = app;
        this.credentials = credentials;
        this.credentialsGenerated = generated;
    }

    /** Starts everything; on failure, stops what had started and rethrows. Blocking. */
    public static StreamCatServer start(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new ConfigurationException(
                    "--data-dir (STREAMCAT_DATA_DIR): cannot create " + config.dataDir() + ": " + e);
        }
        Credentials credentials;
        boolean generated;
        if (config.accessKeys().isPresent()) {
            var keys = config.accessKeys().get();
            credentials = new Credentials(keys.accessKeyId(), keys.secretAccessKey());
            generated = false;
        } else {
            var loaded = CredentialsStore.loadOrGenerate(config.dataDir());
            credentials = loaded.credentials();
            generated = loaded.generated();
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        LOG.info("network transport: {}", vertx.isNativeTransportEnabled() ? "epoll" : "nio");
        Database database = null;
        Engine engine = null;
        try {
            database = openDatabase(config.database());
            EngineConfig engineConfig = new EngineConfig(
                    new EngineIdentity(
                            config.region(),
                            config.accountId(),
                            config.publicHost(),
                            config.playbackBaseUrl(config.enginePort())),
                    config.bindHost(),
                    config.enginePort(),
                    List.of(credentials),
                    config.maxClockSkew(),
                    config.dataDir(),
                    liveVideo(config),
                    config.chat());
            engine = Engine.start(vertx, engineConfig, database, Clock.systemUTC());
            StreamCatApp app = StreamCatApp.start(
                    vertx, appConfig(config, engine), engine.ivs(), engine.ivsChat(), Clock.systemUTC());
            engine.addStreamEventListener(AppEvents.forwardTo(app.streamEvents()));
            return new StreamCatServer(config, vertx, database, engine, app, credentials, generated);
        } catch (RuntimeException e) {
            if (engine != null) engine.close();
            if (database != null) database.close();
            vertx.close();
            throw e;
        }
    }

    /** The app's settings: its listener, and where browsers and encoders reach the engine. */
    private static AppConfig appConfig(ServerConfig config, Engine engine) {
        String host = config.publicHost().contains(":") && !config.publicHost().startsWith("[")
                ? "[" + config.publicHost() + "]"
                : config.publicHost();
        DatabaseConfig db = config.database();
        return AppConfig.builder()
                .bindHost(config.bindHost())
                .port(config.appPort())
                .region(config.region())
                .accountId(config.accountId())
                .ingestUrl(ingestUrl(host, config, engine))
                .playbackBaseUrl(config.playbackBaseUrl(engine.httpPort()))
                .chatUrl(config.chatUrl(engine.httpPort()))
                .database(db.jdbcUrl(), db.user(), db.password(), Math.max(2, db.maxPoolSize() / 2))
                .secureCookies(config.appSecureCookies())
                .trustProxyHeaders(config.appTrustProxyHeaders())
                .build();
    }

    /**
     * The ingest URL streamers are shown: RTMPS when it listens (channels then take plain RTMP only with
     * {@code insecureIngest}, as on IVS), plain RTMP otherwise.
     */
    private static String ingestUrl(String host, ServerConfig config, Engine engine) {
        if (engine.rtmpsPort().isPresent()) {
            return "rtmps://" + host + ":" + engine.rtmpsPort().getAsInt() + "/app/";
        }
        return "rtmp://" + host + ":" + engine.rtmpPort().orElse(config.rtmpPort()) + "/app/";
    }

    private static LiveVideoConfig liveVideo(ServerConfig config) {
        LiveVideoConfig live = LiveVideoConfig.rtmp(config.rtmpPort()).withReadPacing(config.rtmpReadPacing());
        return config.rtmps()
                .map(tls ->
                        live.withRtmps(new LiveVideoConfig.Rtmps(tls.port(), tls.certificateChain(), tls.privateKey())))
                .orElse(live);
    }

    private static Database openDatabase(DatabaseConfig config) {
        try {
            return Database.open(config, "streamcat");
        } catch (RuntimeException e) {
            throw new ConfigurationException("--database-url (STREAMCAT_DATABASE_URL): cannot connect to "
                    + DatabaseConfig.redact(config.jdbcUrl()) + ": " + rootMessage(e));
        }
    }

    /**
     * Starts, prints where everything is, and blocks until SIGTERM/SIGINT, then shuts down gracefully.
     *
     * <p>The shutdown hook is in place before anything starts: a signal during start-up waits for the
     * start to finish (or fail, which cleans up after itself) and then stops what started.
     */
    static void runUntilSignalled(ServerConfig config) {
        CompletableFuture<StreamCatServer> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    LOG.info("shutting down");
                    try {
                        started.join().close();
                    } catch (CompletionException | CancellationException e) {
                        // the start failed and already stopped what it had started
                    }
                    stopped.countDown();
                },
                "streamcat-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        StreamCatServer server;
        try {
            server = start(config);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it sees the failure and returns
            }
            throw e;
        }
        started.complete(server);
        server.printBanner(System.out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void printBanner(PrintStream out) {
        int port = engine.httpPort();
        out.println();
        out.println("StreamCat is running.");
        out.println("  StreamCat app:               http://" + displayHost() + ":" + app.port());
        out.println("  Engine API (IVS / IVS Chat): http://" + displayHost() + ":" + port + "   (region "
                + config.region() + ", account " + config.accountId() + ")");
        engine.rtmpPort()
                .ifPresent(rtmp -> out.println(
                        "  RTMP ingest:                 rtmp://" + displayHost() + ":" + rtmp + "/app/<streamKey>"));
        engine.rtmpsPort()
                .ifPresent(rtmps -> out.println(
                        "  RTMPS ingest:                rtmps://" + displayHost() + ":" + rtmps + "/app/<streamKey>"));
        out.println("  Health:                      http://" + displayHost() + ":" + port + "/healthz");
        out.println("  Data directory:              " + config.dataDir());
        out.println("  Database:                    "
                + DatabaseConfig.redact(config.database().jdbcUrl()));
        if (credentialsGenerated) {
            out.println();
            out.println("  Generated control-API credentials (shown once; kept in "
                    + config.dataDir().resolve(CredentialsStore.FILE) + "):");
            out.println("    AWS_ACCESS_KEY_ID=" + credentials.accessKeyId());
            out.println("    AWS_SECRET_ACCESS_KEY=" + credentials.secretAccessKey());
        } else {
            out.println("  Control-API access key id:   " + credentials.accessKeyId());
        }
        out.println();
        out.flush();
    }

    private String displayHost() {
        return config.bindHost().equals("0.0.0.0") ? config.publicHost() : config.bindHost();
    }

    public Engine engine() {
        return engine;
    }

    public StreamCatApp app() {
        return app;
    }

    public Credentials credentials() {
        return credentials;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        app.close();
        engine.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not stop cleanly: {}", rootMessage(e));
        }
        database.close();
        LOG.info("stopped");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
