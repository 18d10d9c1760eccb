package dev.streamcat.engine.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A pooled connection to the database (HikariCP) and the Jdbi handle on it. Each owner of tables
 * (engine, app) migrates its own folder with its own Flyway history table, so both can share one
 * database. Thread-safe; blocking: use it off event loops.
 */
public final class Database implements AutoCloseable {
    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool; fails fast when the database cannot be reached. */
    public static Database open(DatabaseConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        return new Database(config, new HikariDataSource(hikari));
    }

    /**
     * Applies the migrations under {@code classpath:db/<owner>} recorded in {@code
     * <owner>_schema_history}.
     */
    public void migrate(String owner) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + owner)
                .table(owner + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
