package dev.streamcat.engine.channel;

import dev.streamcat.api.ivs.MultitrackInputConfiguration;
import dev.streamcat.engine.resource.EngineJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** SQL for channels and stream keys. Stateless and thread-safe; callers own the transaction. */
final class ChannelStore {
    private static final String CHANNEL_COLUMNS =
            "id, arn, name, latency_mode, channel_type, preset, authorized, insecure_ingest,"
                    + " recording_configuration_arn, playback_restriction_policy_arn, ad_configuration_arn, container_format,"
                    + " multitrack_json, created_at";

    void insert(Handle handle, ChannelRow c) {
        handle.createUpdate("INSERT INTO ivs_channel (" + CHANNEL_COLUMNS
                        + ") VALUES (:id, :arn, :name, :latencyMode, :type,"
                        + " :preset, :authorized, :insecureIngest, :recordingConfigurationArn, :playbackRestrictionPolicyArn,"
                        + " :adConfigurationArn, :containerFormat, :multitrack, :createdAt)")
                .bindMethods(c)
                .bind("multitrack", multitrackJson(c.multitrack()))
                .execute();
    }

    void update(Handle handle, ChannelRow c) {
        handle.createUpdate("UPDATE ivs_channel SET name = :name, latency_mode = :latencyMode, channel_type = :type,"
                        + " preset = :preset, authorized = :authorized, insecure_ingest = :insecureIngest,"
                        + " recording_configuration_arn = :recordingConfigurationArn,"
                        + " playback_restriction_policy_arn = :playbackRestrictionPolicyArn,"
                        + " ad_configuration_arn = :adConfigurationArn, container_format = :containerFormat,"
                        + " multitrack_json = :multitrack WHERE id = :id")
                .bindMethods(c)
                .bind("multitrack", multitrackJson(c.multitrack()))
                .execute();
    }

    Optional<ChannelRow> channelByArn(Handle handle, String arn) {
        return handle.createQuery("SELECT " + CHANNEL_COLUMNS + " FROM ivs_channel WHERE arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> channel(rs))
                .findOne();
    }

    Optional<ChannelRow> channelById(Handle handle, String id) {
        return handle.createQuery("SELECT " + CHANNEL_COLUMNS + " FROM ivs_channel WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> channel(rs))
                .findOne();
    }

    /** Channels in ARN order after {@code afterArn}, at most {@code limit}, filtered when given. */
    List<ChannelRow> channels(
            Handle handle,
            @Nullable String afterArn,
            int limit,
            @Nullable String name,
            @Nullable String recordingConfigurationArn,
            @Nullable String playbackRestrictionPolicyArn,
            @Nullable String adConfigurationArn) {
        StringBuilder sql = new StringBuilder("SELECT " + CHANNEL_COLUMNS + " FROM ivs_channel WHERE 1 = 1");
        if (afterArn != null) sql.append(" AND arn > :after");
        if (name != null) sql.append(" AND name = :name");
        if (recordingConfigurationArn != null) sql.append(" AND recording_configuration_arn = :rec");
        if (playbackRestrictionPolicyArn != null) sql.append(" AND playback_restriction_policy_arn = :prp");
        if (adConfigurationArn != null) sql.append(" AND ad_configuration_arn = :ad");
        sql.append(" ORDER BY arn LIMIT :limit");
        var query = handle.createQuery(sql.toString()).bind("limit", limit);
        if (afterArn != null) query.bind("after", afterArn);
        if (name != null) query.bind("name", name);
        if (recordingConfigurationArn != null) query.bind("rec", recordingConfigurationArn);
        if (playbackRestrictionPolicyArn != null) query.bind("prp", playbackRestrictionPolicyArn);
        if (adConfigurationArn != null) query.bind("ad", adConfigurationArn);
        return query.map((rs, ctx) -> channel(rs)).list();
    }

    void deleteChannel(Handle handle, String id) {
        handle.createUpdate("DELETE FROM ivs_stream_key WHERE channel_id = :id")
                .bind("id", id)
                .execute();
        handle.createUpdate("DELETE FROM ivs_channel WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    boolean recordingConfigurationInUse(Handle handle, String arn) {
        return handle.createQuery("SELECT COUNT(*) FROM ivs_channel WHERE recording_configuration_arn = :arn")
                        .bind("arn", arn)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    void insertKey(Handle handle, StreamKeyRow key, long createdAt) {
        handle.createUpdate("INSERT INTO ivs_stream_key (id, arn, channel_id, key_value, created_at)"
                        + " VALUES (:id, :arn, :channelId, :value, :createdAt)")
                .bindMethods(key)
                .bind("createdAt", createdAt)
                .execute();
    }

    private static final String KEY_SELECT =
            "SELECT k.id, k.arn, k.channel_id, c.arn, k.key_value FROM ivs_stream_key k"
                    + " JOIN ivs_channel c ON c.id = k.channel_id";

    Optional<StreamKeyRow> keyByArn(Handle handle, String arn) {
        return handle.createQuery(KEY_SELECT + " WHERE k.arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> key(rs))
                .findOne();
    }

    Optional<StreamKeyRow> keyByValue(Handle handle, String value) {
        return handle.createQuery(KEY_SELECT + " WHERE k.key_value = :value")
                .bind("value", value)
                .map((rs, ctx) -> key(rs))
                .findOne();
    }

    List<StreamKeyRow> keysOfChannel(Handle handle, String channelId, @Nullable String afterArn, int limit) {
        var query = handle.createQuery(KEY_SELECT + " WHERE k.channel_id = :channel"
                        + (afterArn == null ? "" : " AND k.arn > :after") + " ORDER BY k.arn LIMIT :limit")
                .bind("channel", channelId)
                .bind("limit", limit);
        if (afterArn != null) query.bind("after", afterArn);
        return query.map((rs, ctx) -> key(rs)).list();
    }

    int keyCount(Handle handle, String channelId) {
        return handle.createQuery("SELECT COUNT(*) FROM ivs_stream_key WHERE channel_id = :id")
                .bind("id", channelId)
                .mapTo(Integer.class)
                .one();
    }

    void deleteKey(Handle handle, String id) {
        handle.createUpdate("DELETE FROM ivs_stream_key WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    private static ChannelRow channel(ResultSet rs) throws SQLException {
        String multitrack = rs.getString(13);
        return new ChannelRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                multitrack == null ? null : EngineJson.read(multitrack, MultitrackInputConfiguration.class),
                rs.getLong(14));
    }

    private static StreamKeyRow key(ResultSet rs) throws SQLException {
        return new StreamKeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static @Nullable String multitrackJson(@Nullable MultitrackInputConfiguration multitrack) {
        return multitrack == null ? null : EngineJson.write(multitrack);
    }
}
