package dev.streamcat.engine.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.streamcat.api.ivs.Channel;
import dev.streamcat.api.ivs.IngestConfiguration;
import dev.streamcat.api.ivs.StreamEvent;
import dev.streamcat.api.ivs.StreamSessionSummary;
import dev.streamcat.engine.resource.EngineJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ivs_stream_session} table. Thread-safe; blocking (database): never call it on an event
 * loop.
 */
final class StreamSessionStore {
    static final int MAX_EVENTS = 500;
    private static final TypeReference<List<StreamEvent>> EVENTS = new TypeReference<>() {};

    /** One stored session. */
    record Row(
            String streamId,
            String channelArn,
            Instant startTime,
            @Nullable Instant endTime,
            Channel channel,
            IngestConfiguration ingest,
            List<StreamEvent> events,
            boolean hasErrorEvent) {

        StreamSessionSummary summary() {
            return new StreamSessionSummary(streamId, startTime, endTime, hasErrorEvent);
        }
    }

    private final Jdbi jdbi;

    StreamSessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(LiveStream stream, List<StreamEvent> events) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO ivs_stream_session (stream_id, channel_arn, start_time,"
                        + " end_time, channel_json, ingest_json, events_json, has_error_event)"
                        + " VALUES (:id, :arn, :start, NULL, :channel, :ingest, :events, :error)")
                .bind("id", stream.streamId())
                .bind("arn", stream.channelArn())
                .bind("start", stream.startTime().toEpochMilli())
                .bind("channel", EngineJson.write(stream.channel()))
                .bind("ingest", EngineJson.write(stream.ingestConfiguration()))
                .bind("events", EngineJson.write(events))
                .bind("error", hasError(events))
                .execute());
    }

    /** Appends events (keeping the latest {@value #MAX_EVENTS}) and records the ingest and end time. */
    void update(LiveStream stream, List<StreamEvent> added) {
        jdbi.useTransaction(h -> {
            Optional<String> json = h.createQuery("SELECT events_json FROM ivs_stream_session WHERE stream_id = :id")
                    .bind("id", stream.streamId())
                    .mapTo(String.class)
                    .findOne();
            if (json.isEmpty()) {
                return;
            }
            List<StreamEvent> events = new ArrayList<>(events(json.get()));
            events.addAll(added);
            List<StreamEvent> kept = events.subList(Math.max(0, events.size() - MAX_EVENTS), events.size());
            h.createUpdate("UPDATE ivs_stream_session SET end_time = :end, ingest_json = :ingest,"
                            + " events_json = :events, has_error_event = :error WHERE stream_id = :id")
                    .bind("id", stream.streamId())
                    .bind("end", stream.endTime().map(Instant::toEpochMilli).orElse(null))
                    .bind("ingest", EngineJson.write(stream.ingestConfiguration()))
                    .bind("events", EngineJson.write(kept))
                    .bind("error", hasError(events))
                    .execute();
        });
    }

    /** A session of the channel: {@code streamId}, or the latest one when null. */
    Optional<Row> find(String channelArn, @Nullable String streamId) {
        return jdbi.withHandle(h -> (streamId == null
                        ? h.createQuery("SELECT * FROM ivs_stream_session WHERE channel_arn = :arn"
                                        + " ORDER BY start_time DESC, stream_id DESC LIMIT 1")
                                .bind("arn", channelArn)
                        : h.createQuery("SELECT * FROM ivs_stream_session WHERE channel_arn = :arn AND stream_id = :id")
                                .bind("arn", channelArn)
                                .bind("id", streamId))
                .map((rs, ctx) -> row(
                        rs.getString("stream_id"),
                        rs.getString("channel_arn"),
                        rs.getLong("start_time"),
                        (Long) rs.getObject("end_time", Long.class),
                        rs.getString("channel_json"),
                        rs.getString("ingest_json"),
                        rs.getString("events_json"),
                        rs.getBoolean("has_error_event")))
                .findOne());
    }

    /** Sessions newest first, after the key {@code startMillis:streamId} when given. */
    List<StreamSessionSummary> list(String channelArn, @Nullable String afterKey, int limit) {
        long afterStart = Long.MAX_VALUE;
        String afterId = "~";
        if (afterKey != null) {
            int colon = afterKey.indexOf(':');
            try {
                afterStart = Long.parseLong(afterKey.substring(0, Math.max(0, colon)));
                afterId = afterKey.substring(colon + 1);
            } catch (NumberFormatException e) {
                throw dev.streamcat.api.ValidationException.field("nextToken", "The nextToken is invalid");
            }
        }
        long start = afterStart;
        String id = afterId;
        return jdbi.withHandle(h -> h.createQuery("SELECT stream_id, start_time, end_time, has_error_event"
                        + " FROM ivs_stream_session WHERE channel_arn = :arn"
                        + " AND (start_time < :start OR (start_time = :start AND stream_id < :id))"
                        + " ORDER BY start_time DESC, stream_id DESC LIMIT :limit")
                .bind("arn", channelArn)
                .bind("start", start)
                .bind("id", id)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    Long end = rs.getObject("end_time", Long.class);
                    return new StreamSessionSummary(
                            rs.getString("stream_id"),
                            Instant.ofEpochMilli(rs.getLong("start_time")),
                            end == null ? null : Instant.ofEpochMilli(end),
                            rs.getBoolean("has_error_event"));
                })
                .list());
    }

    private static Row row(
            String streamId,
            String channelArn,
            long start,
            @Nullable Long end,
            String channel,
            String ingest,
            String events,
            boolean error) {
        return new Row(
                streamId,
                channelArn,
                Instant.ofEpochMilli(start),
                end == null ? null : Instant.ofEpochMilli(end),
                EngineJson.read(channel, Channel.class),
                EngineJson.read(ingest, IngestConfiguration.class),
                events(events),
                error);
    }

    private static List<StreamEvent> events(String json) {
        try {
            return EngineJson.MAPPER.readValue(json, EVENTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasError(List<StreamEvent> events) {
        return events.stream().anyMatch(e -> e.code() != null);
    }
}
