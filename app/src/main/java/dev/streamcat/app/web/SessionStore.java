package dev.streamcat.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sessions in the app database ({@code app_sessions}), so they survive a restart. Only the SHA-256 of
 * the cookie token is stored, so a copy of the table does not let anyone sign in.
 *
 * <p>Thread-safe; blocking (JDBC): call from worker threads.
 */
public final class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session and the raw token to put in the cookie (never stored). */
    public record Created(String token, Session session) {
        @Override
        public String toString() {
            return "Created[token=***, session=" + session + "]";
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration signedInTtl;
    private final Duration anonymousTtl;

    public SessionStore(Jdbi jdbi, Clock clock, Duration signedInTtl, Duration anonymousTtl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.signedInTtl = signedInTtl;
        this.anonymousTtl = anonymousTtl;
    }

    public Created create(Optional<SignedInUser> user) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(user.isPresent() ? signedInTtl : anonymousTtl);
        String idHash = hash(token);
        jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO app_sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                                + " VALUES (:id, :user, :csrf, :now, :expires)")
                        .bind("id", idHash)
                        .bind("user", user.map(SignedInUser::id).orElse(null))
                        .bind("csrf", csrf)
                        .bind("now", utc(now))
                        .bind("expires", utc(expires))
                        .execute());
        return new Created(token, new Session(idHash, csrf, user, Optional.empty(), expires));
    }

    /** The live session for a cookie token, if any. */
    public Optional<Session> find(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String idHash = hash(token);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.csrf_token, s.guest_id, s.expires_at, u.id AS uid, u.username"
                                + " FROM app_sessions s LEFT JOIN app_users u ON u.id = s.user_id"
                                + " WHERE s.id_hash = :id AND s.expires_at > :now")
                .bind("id", idHash)
                .bind("now", utc(clock.instant()))
                .map((rs, ctx) -> {
                    long uid = rs.getLong("uid");
                    Optional<SignedInUser> user = rs.wasNull()
                            ? Optional.empty()
                            : Optional.of(new SignedInUser(uid, rs.getString("username")));
                    return new Session(
                            idHash,
                            rs.getString("csrf_token"),
                            user,
                            Optional.ofNullable(rs.getString("guest_id")),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant());
                })
                .findOne());
    }

    /** The session's guest chat identity, created on first use. */
    public String guestId(Session session) {
        if (session.guestId().isPresent()) {
            return session.guestId().get();
        }
        String candidate = "guest-" + HexFormat.of().formatHex(randomBytes(8));
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE app_sessions SET guest_id = :g WHERE id_hash = :id AND guest_id IS NULL")
                        .bind("g", candidate)
                        .bind("id", session.idHash())
                        .execute());
        return jdbi.withHandle(h -> h.createQuery("SELECT guest_id FROM app_sessions WHERE id_hash = :id")
                .bind("id", session.idHash())
                .mapTo(String.class)
                .findOne()
                .orElse(candidate));
    }

    public void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM app_sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
    }

    /** Removes expired sessions; returns how many. */
    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM app_sessions WHERE expires_at <= :now")
                .bind("now", utc(clock.instant()))
                .execute());
    }

    Duration ttl(boolean signedIn) {
        return signedIn ? signedInTtl : anonymousTtl;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
