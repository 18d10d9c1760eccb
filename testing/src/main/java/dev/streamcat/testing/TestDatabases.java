package dev.streamcat.testing;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private in-memory H2 per call, or the PostgreSQL server named by {@code
 * STREAMCAT_TEST_POSTGRES_URL} (with {@code STREAMCAT_TEST_POSTGRES_USER} / {@code _PASSWORD}).
 * PostgreSQL suites are skipped without it, and fail without it where {@code
 * STREAMCAT_REQUIRE_TOOLS=true}.
 */
public final class TestDatabases {
    /** A JDBC URL with optional credentials. */
    public record Jdbc(String url, Optional<String> user, Optional<String> password) {}

    private TestDatabases() {}

    public static Jdbc h2InMemory() {
        return new Jdbc(
                "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty());
    }

    public static Jdbc h2File(java.nio.file.Path directory) {
        return new Jdbc(
                "jdbc:h2:file:" + directory.resolve("streamcat").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                Optional.empty(),
                Optional.empty());
    }

    /** The configured PostgreSQL database, or a skipped (in CI: failed) test. */
    public static Jdbc postgres() {
        String url = System.getenv("STREAMCAT_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String message = "STREAMCAT_TEST_POSTGRES_URL is not set (see .ci/run for a local PostgreSQL)";
            if (ExternalTools.required()) {
                throw new AssertionError(message + "; STREAMCAT_REQUIRE_TOOLS=true");
            }
            Assumptions.abort(message);
        }
        return new Jdbc(
                url,
                Optional.ofNullable(System.getenv("STREAMCAT_TEST_POSTGRES_USER")),
                Optional.ofNullable(System.getenv("STREAMCAT_TEST_POSTGRES_PASSWORD")));
    }
}
