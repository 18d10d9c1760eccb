package dev.streamcat.app.channel;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Who follows which channel ({@code app_follows}). Thread-safe; blocking (JDBC). */
public final class FollowStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public FollowStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Follows; following twice is a no-op. */
    public void follow(long userId, long channelId) {
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM app_follows WHERE user_id = :u AND channel_id = :c")
                            .bind("u", userId)
                            .bind("c", channelId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO app_follows (user_id, channel_id, created_at) VALUES (:u, :c, :now)")
                        .bind("u", userId)
                        .bind("c", channelId)
                        .bind("now", ChannelStore.utc(clock.instant()))
                        .execute();
            }
        });
    }

    public void unfollow(long userId, long channelId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM app_follows WHERE user_id = :u AND channel_id = :c")
                .bind("u", userId)
                .bind("c", channelId)
                .execute());
    }

    public boolean follows(long userId, long channelId) {
        return jdbi.withHandle(
                        h -> h.createQuery("SELECT COUNT(*) FROM app_follows WHERE user_id = :u AND channel_id = :c")
                                .bind("u", userId)
                                .bind("c", channelId)
                                .mapTo(Integer.class)
                                .one())
                > 0;
    }

    public int followers(long channelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_follows WHERE channel_id = :c")
                .bind("c", channelId)
                .mapTo(Integer.class)
                .one());
    }
}
