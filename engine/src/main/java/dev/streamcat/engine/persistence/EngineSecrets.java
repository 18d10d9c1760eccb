package dev.streamcat.engine.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * Named random secrets generated once and kept in the database, so every engine node sharing the
 * database uses the same ones (e.g. the chat token key). Thread-safe; blocking.
 */
public final class EngineSecrets {
    private final Jdbi jdbi;

    public EngineSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The secret named {@code name}, created with {@code bytes} random bytes on first use. */
    public byte[] getOrCreate(String name, int bytes) {
        return jdbi.inTransaction(h -> {
            var existing = h.createQuery("SELECT secret FROM engine_secret WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .findOne();
            if (existing.isPresent()) {
                return Base64.getDecoder().decode(existing.get());
            }
            byte[] secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            h.createUpdate("INSERT INTO engine_secret (name, secret) VALUES (:name, :secret)")
                    .bind("name", name)
                    .bind("secret", Base64.getEncoder().encodeToString(secret))
                    .execute();
            return secret;
        });
    }
}
