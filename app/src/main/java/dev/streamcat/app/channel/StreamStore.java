package dev.streamcat.app.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Stream history ({@code app_streams}): one row per IVS stream id, with start, end, and the
 * channel's title and category when it started. Thread-safe; blocking (JDBC).
 */
public final class StreamStore {
    private final Jdbi jdbi;

    public StreamStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a stream start; a repeated start of the same stream id is a no-op. */
    public void start(Channel channel, String streamId, Instant at) {
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM app_streams WHERE stream_id = :s")
                            .bind("s", streamId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO app_streams (channel_id, stream_id, title, category_id, started_at)"
                                + " VALUES (:c, :s, :t, :k, :at)")
                        .bind("c", channel.id())
                        .bind("s", streamId)
                        .bind("t", channel.title())
                        .bind("k", channel.category().id())
                        .bind("at", ChannelStore.utc(at))
                        .execute();
            }
        });
    }

    /** Records the end of one stream, if it is still open. */
    public void end(String streamId, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE app_streams SET ended_at = :at WHERE stream_id = :s AND ended_at IS NULL")
                        .bind("at", ChannelStore.utc(at))
                        .bind("s", streamId)
                        .execute());
    }

    /** Closes every open stream of the channel (reconciliation after missed events). */
    public void endAllOpen(long channelId, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE app_streams SET ended_at = :at WHERE channel_id = :c AND ended_at IS NULL")
                        .bind("at", ChannelStore.utc(at))
                        .bind("c", channelId)
                        .execute());
    }

    public void notePeakViewers(long channelId, int viewers) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_streams SET peak_viewers = :v"
                        + " WHERE channel_id = :c AND ended_at IS NULL AND peak_viewers < :v")
                .bind("v", viewers)
                .bind("c", channelId)
                .execute());
    }

    /** The channel's streams, newest first. */
    public List<PastStream> recent(long channelId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.*, k.name AS category_name FROM app_streams s"
                        + " JOIN app_categories k ON k.id = s.category_id WHERE s.channel_id = :c"
                        + " ORDER BY s.started_at DESC LIMIT :limit")
                .bind("c", channelId)
                .bind("limit", limit)
                .map((rs, ctx) -> new PastStream(
                        rs.getString("stream_id"),
                        rs.getString("title"),
                        rs.getString("category_name"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant),
                        rs.getInt("peak_viewers")))
                .list());
    }
}
