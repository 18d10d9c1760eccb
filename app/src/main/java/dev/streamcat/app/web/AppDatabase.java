package dev.streamcat.app.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The app's own pool (HikariCP), migrations ({@code classpath:db/app}, history table {@code
 * app_schema_history}) and Jdbi handle, on the same database as the engine but on its own tables.
 *
 * <p>Thread-safe; every method blocks: call it from a worker thread, never from an event loop.
 */
public final class AppDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private AppDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool (failing fast when the database is unreachable) and applies the migrations. */
    public static AppDatabase openAndMigrate(
            String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("streamcat-app");
        hikari.setJdbcUrl(jdbcUrl);
        user.ifPresent(hikari::setUsername);
        password.ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(maxPoolSize);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/app")
                    .table("app_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new AppDatabase(dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
