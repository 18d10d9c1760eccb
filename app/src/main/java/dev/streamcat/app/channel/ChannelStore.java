package dev.streamcat.app.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code app_channels} table. Thread-safe; blocking (JDBC): call from worker threads.
 */
public final class ChannelStore {
    /** What registration stores for a new channel. */
    public record NewChannel(
            long userId,
            String name,
            String arn,
            String playbackUrl,
            String streamKeyArn,
            String chatRoomArn,
            String title,
            int categoryId) {}

    private static final String SELECT = "SELECT c.*, k.name AS category_name, k.slug AS category_slug"
            + " FROM app_channels c JOIN app_categories k ON k.id = c.category_id ";

    private final Jdbi jdbi;
    private final Clock clock;

    public ChannelStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public long insert(NewChannel c) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO app_channels (user_id, name, name_key, arn,"
                        + " playback_url, stream_key_arn, chat_room_arn, title, category_id, created_at)"
                        + " VALUES (:userId, :name, :key, :arn, :playbackUrl, :streamKeyArn, :chatRoomArn, :title,"
                        + " :categoryId, :now)")
                .bindMethods(c)
                .bind("key", c.name().toLowerCase(Locale.ROOT))
                .bind("now", utc(clock.instant()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    public Optional<Channel> byName(String name) {
        return one("WHERE c.name_key = :v", name.toLowerCase(Locale.ROOT));
    }

    public Optional<Channel> byArn(String arn) {
        return one("WHERE c.arn = :v", arn);
    }

    public Optional<Channel> byUserId(long userId) {
        return one("WHERE c.user_id = :v", userId);
    }

    /** Live channels, most watched first. */
    public List<Channel> live(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.is_live = TRUE ORDER BY c.viewer_count DESC,"
                        + " c.live_since DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ChannelStore::map)
                .list());
    }

    public List<Channel> liveInCategory(int categoryId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.is_live = TRUE AND c.category_id = :cat"
                        + " ORDER BY c.viewer_count DESC, c.live_since DESC LIMIT :limit")
                .bind("cat", categoryId)
                .bind("limit", limit)
                .map(ChannelStore::map)
                .list());
    }

    /** Channels recently created or live, for the home page's "meet the streamers" row. */
    public List<Channel> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY c.created_at DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ChannelStore::map)
                .list());
    }

    public void updateDetails(long id, String title, int categoryId, boolean allowGuestChat) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_channels SET title = :t, category_id = :c,"
                        + " allow_guest_chat = :g WHERE id = :id")
                .bind("t", title)
                .bind("c", categoryId)
                .bind("g", allowGuestChat)
                .bind("id", id)
                .execute());
    }

    public void updateStreamKeyArn(long id, String streamKeyArn) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_channels SET stream_key_arn = :k WHERE id = :id")
                .bind("k", streamKeyArn)
                .bind("id", id)
                .execute());
    }

    /** Marks the channel live since {@code since}, or offline (empty) with no viewers. */
    public void setLive(long id, Optional<Instant> since) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_channels SET is_live = :live, live_since = :since,"
                        + " viewer_count = CASE WHEN :live THEN viewer_count ELSE 0 END WHERE id = :id")
                .bind("live", since.isPresent())
                .bind("since", since.map(ChannelStore::utc).orElse(null))
                .bind("id", id)
                .execute());
    }

    public void setViewerCount(long id, int viewers) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_channels SET viewer_count = :v WHERE id = :id")
                .bind("v", viewers)
                .bind("id", id)
                .execute());
    }

    private Optional<Channel> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + where)
                .bind("v", value)
                .map(ChannelStore::map)
                .findOne());
    }

    private static Channel map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        OffsetDateTime since = rs.getObject("live_since", OffsetDateTime.class);
        return new Channel(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("arn"),
                rs.getString("playback_url"),
                rs.getString("stream_key_arn"),
                rs.getString("chat_room_arn"),
                rs.getString("title"),
                new Category(rs.getInt("category_id"), rs.getString("category_name"), rs.getString("category_slug")),
                rs.getBoolean("allow_guest_chat"),
                rs.getBoolean("is_live"),
                Optional.ofNullable(since).map(OffsetDateTime::toInstant),
                rs.getInt("viewer_count"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
