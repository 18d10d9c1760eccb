package dev.streamcat.app.chat;

import java.time.Clock;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/** Chat users banned from a channel's room ({@code app_chat_bans}). Thread-safe; blocking (JDBC). */
public final class ChatBanStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public ChatBanStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void ban(long channelId, String chatUser) {
        if (banned(channelId, chatUser)) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO app_chat_bans (channel_id, chat_user, created_at) VALUES (:c, :u, :now)")
                .bind("c", channelId)
                .bind("u", chatUser)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .execute());
    }

    public boolean banned(long channelId, String chatUser) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM app_chat_bans WHERE channel_id = :c AND chat_user = :u")
                        .bind("c", channelId)
                        .bind("u", chatUser)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }
}
