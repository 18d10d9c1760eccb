package dev.streamcat.engine.persistence;

import org.jspecify.annotations.Nullable;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:h2:} or {@code jdbc:postgresql:}) and
 * optional credentials (they may also be in the URL). Immutable.
 */
public record DatabaseConfig(String jdbcUrl, @Nullable String user, @Nullable String password, int maxPoolSize) {
    public DatabaseConfig {
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "database URL must start with jdbc:h2: or jdbc:postgresql: (got " + redact(jdbcUrl) + ")");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    public boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password parameter masked, for logs and error messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
