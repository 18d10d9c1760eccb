package dev.streamcat.app.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code app_users} table. Thread-safe; blocking (JDBC): call from worker threads.
 */
public final class UserStore {
    /** A stored account. {@code passwordHash} is a PHC string; never shown or logged. */
    public record User(long id, String username, String passwordHash) {
        @Override
        public String toString() {
            return "User[id=" + id + ", username=" + username + "]";
        }
    }

    /** Thrown when the username is taken (ignoring case). */
    public static final class UsernameTakenException extends RuntimeException {
        UsernameTakenException(Throwable cause) {
            super("username taken", cause, false, false);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public UserStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public User insert(String username, String passwordHash) {
        try {
            long id = jdbi.withHandle(
                    h -> h.createUpdate("INSERT INTO app_users (username, username_key, password_hash, created_at)"
                                    + " VALUES (:u, :k, :p, :now)")
                            .bind("u", username)
                            .bind("k", Credentials.key(username))
                            .bind("p", passwordHash)
                            .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                            .executeAndReturnGeneratedKeys("id")
                            .mapTo(Long.class)
                            .one());
            return new User(id, username, passwordHash);
        } catch (RuntimeException e) {
            if (exists(username)) {
                throw new UsernameTakenException(e);
            }
            throw e;
        }
    }

    public boolean exists(String username) {
        return byUsername(username).isPresent();
    }

    public Optional<User> byUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, username, password_hash FROM app_users WHERE username_key = :k")
                .bind("k", Credentials.key(username))
                .map((rs, ctx) -> new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash")))
                .findOne());
    }

    public void updatePasswordHash(long id, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_users SET password_hash = :p WHERE id = :id")
                .bind("p", passwordHash)
                .bind("id", id)
                .execute());
    }

    /** Deletes the user; channels, follows and sessions go with it (ON DELETE CASCADE). */
    public void delete(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM app_users WHERE id = :id")
                .bind("id", id)
                .execute());
    }
}
