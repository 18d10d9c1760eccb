package dev.streamcat.it;

import dev.streamcat.engine.persistence.DatabaseConfig;
import dev.streamcat.server.ServerConfig;
import dev.streamcat.server.StreamCatServer;
import dev.streamcat.testing.FreePorts;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The assembled StreamCat process, in this JVM, on free loopback ports, for end-to-end tests. */
final class RunningServer implements AutoCloseable {
    static final String REGION = "eu-central-1";
    static final String ACCESS_KEY_ID = "SCAKINTEGRATION00001";
    static final String SECRET_ACCESS_KEY = "integration-secret-integration-secret";

    private final ServerConfig config;
    private StreamCatServer server;

    RunningServer(Path dataDir, TestDatabases.Jdbc database) {
        this.config = new ServerConfig(
                dataDir,
                "127.0.0.1",
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                REGION,
                "210987654321",
                "127.0.0.1",
                new DatabaseConfig(
                        database.url(),
                        database.user().orElse(null),
                        database.password().orElse(null),
                        8),
                Optional.of(new ServerConfig.AccessKeys(ACCESS_KEY_ID, SECRET_ACCESS_KEY)),
                Duration.ofMinutes(5));
        this.server = StreamCatServer.start(config);
    }

    String endpoint() {
        return "http://127.0.0.1:" + config.enginePort();
    }

    /** The RTMP ingest application URL; append {@code /<streamKey>}. */
    String rtmpUrl() {
        return "rtmp://127.0.0.1:" + config.rtmpPort() + "/app";
    }

    String chatUrl() {
        return "ws://127.0.0.1:" + config.enginePort();
    }

    String appUrl() {
        return "http://127.0.0.1:" + config.appPort();
    }

    int rtmpPort() {
        return config.rtmpPort();
    }

    StreamCatServer server() {
        return server;
    }

    /** Stops the whole process state and starts it again on the same data and database. */
    void restart() {
        server.close();
        server = StreamCatServer.start(config);
    }

    @Override
    public void close() {
        server.close();
    }
}
