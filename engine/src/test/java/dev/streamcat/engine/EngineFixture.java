package dev.streamcat.engine;

import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import dev.streamcat.engine.persistence.Database;
import dev.streamcat.engine.persistence.DatabaseConfig;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real engine on a free port over a real database, with a temporary data dir and a {@link MutableClock}, for tests.
 * Close it to stop everything (the data dir is left for the OS to clean up, so a failed test can be inspected).
 */
public final class EngineFixture implements AutoCloseable {
    public static final String REGION = "us-west-2";
    public static final String ACCOUNT = "123456789012";
    public static final Credentials CREDENTIALS =
            new Credentials("SCAKTESTTESTTEST0001", "test-secret-test-secret-0001");

    private final DatabaseConfig databaseConfig;
    private final LiveVideoConfig liveVideo;
    private final ChatGatewayConfig chatConfig;
    private final Path dataDir;
    private final MutableClock clock = new MutableClock();
    private final Vertx vertx;
    private Database database;
    private Engine engine;

    private EngineFixture(DatabaseConfig databaseConfig, LiveVideoConfig liveVideo, ChatGatewayConfig chatConfig) {
        this.databaseConfig = databaseConfig;
        this.liveVideo = liveVideo;
        this.chatConfig = chatConfig;
        try {
            this.dataDir = Files.createTempDirectory("streamcat-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        start();
    }

    public static EngineFixture on(TestDatabases.Jdbc jdbc) {
        return on(jdbc, LiveVideoConfig.disabled(), ChatGatewayConfig.defaults());
    }

    /** An engine with live video (e.g. {@code LiveVideoConfig.rtmp(0)} for ingest on a free port). */
    public static EngineFixture on(TestDatabases.Jdbc jdbc, LiveVideoConfig liveVideo) {
        return on(jdbc, liveVideo, ChatGatewayConfig.defaults());
    }

    public static EngineFixture on(TestDatabases.Jdbc jdbc, ChatGatewayConfig chatConfig) {
        return on(jdbc, LiveVideoConfig.disabled(), chatConfig);
    }

    public static EngineFixture on(TestDatabases.Jdbc jdbc, LiveVideoConfig liveVideo, ChatGatewayConfig chatConfig) {
        return new EngineFixture(
                new DatabaseConfig(
                        jdbc.url(), jdbc.user().orElse(null), jdbc.password().orElse(null), 4),
                liveVideo,
                chatConfig);
    }

    /** A fresh schema in the test PostgreSQL server, so suites do not see each other's rows. */
    public static TestDatabases.Jdbc freshPostgresSchema() {
        TestDatabases.Jdbc base = TestDatabases.postgres();
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(
                base.url(), base.user().orElse(null), base.password().orElse(null))) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema in " + base.url(), e);
        }
        String url = base.url() + (base.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabases.Jdbc(url, base.user(), base.password());
    }

    private void start() {
        database = Database.open(databaseConfig, "test");
        EngineConfig config = new EngineConfig(
                new EngineIdentity(REGION, ACCOUNT, "127.0.0.1", "http://127.0.0.1:0"),
                "127.0.0.1",
                0,
                List.of(CREDENTIALS),
                Duration.ofMinutes(5),
                dataDir,
                liveVideo,
                chatConfig);
        engine = Engine.start(vertx, config, database, clock);
    }

    /** Stops the engine and the pool, then starts both again on the same database. */
    public void restart() {
        engine.close();
        database.close();
        start();
    }

    public Engine engine() {
        return engine;
    }

    /** The RTMP publish URL of a stream key. */
    public String rtmpUrl(String streamKey) {
        return "rtmp://127.0.0.1:" + engine.rtmpPort().orElseThrow() + "/app/" + streamKey;
    }

    /** The engine's clock; advance it to expire tokens and sessions. */
    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The chat WebSocket URL (the bare engine host, as for AWS). */
    public String chatUrl() {
        return "ws://127.0.0.1:" + engine.httpPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + engine.httpPort();
    }

    @Override
    public void close() {
        engine.close();
        database.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
