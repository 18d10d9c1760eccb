package dev.streamcat.app.testing;

import dev.streamcat.app.AppConfig;
import dev.streamcat.app.StreamCatApp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** The app on a free port with in-memory fakes of the engine and an H2 file database. */
public final class TestApp implements AutoCloseable {
    public final FakeIvs ivs = new FakeIvs();
    public final FakeIvsChat chat = new FakeIvsChat();
    private final Vertx vertx = Vertx.vertx();
    private final AppConfig config;
    private StreamCatApp app;

    public TestApp(Path dir) {
        this(dir, UnaryOperator.identity());
    }

    /** The app with settings changed by {@code customize} (e.g. {@code b -> b.trustProxyHeaders(true)}). */
    public TestApp(Path dir, UnaryOperator<AppConfig.Builder> customize) {
        this.config = customize
                .apply(AppConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .workerThreads(4)
                        .database(
                                "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath() + ";DB_CLOSE_DELAY=0",
                                "sa",
                                "",
                                4))
                .build();
        this.app = StreamCatApp.start(vertx, config, ivs, chat, Clock.systemUTC());
    }

    public StreamCatApp app() {
        return app;
    }

    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Stops the app and starts it again on the same database (same fakes). */
    public void restart() {
        app.close();
        app = StreamCatApp.start(vertx, config, ivs, chat, Clock.systemUTC());
    }

    @Override
    public void close() {
        app.close();
        vertx.close().await();
    }
}
