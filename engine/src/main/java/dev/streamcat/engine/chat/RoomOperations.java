package dev.streamcat.engine.chat;

import static dev.streamcat.engine.chat.ChatConstraints.*;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ivschat.CreateRoomRequest;
import dev.streamcat.api.ivschat.DeleteRoomRequest;
import dev.streamcat.api.ivschat.GetRoomRequest;
import dev.streamcat.api.ivschat.ListRoomsRequest;
import dev.streamcat.api.ivschat.ListRoomsResponse;
import dev.streamcat.api.ivschat.MessageReviewHandler;
import dev.streamcat.api.ivschat.Room;
import dev.streamcat.api.ivschat.RoomSummary;
import dev.streamcat.api.ivschat.UpdateRoomRequest;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.resource.PageToken;
import dev.streamcat.engine.resource.ResourceIds;
import dev.streamcat.engine.resource.Validation;
import dev.streamcat.engine.tag.TagStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** CreateRoom, GetRoom, UpdateRoom, DeleteRoom, ListRooms. Thread-safe. */
final class RoomOperations {
    private static final String COLUMNS =
            "id, arn, name, max_message_rate, max_message_length, review_uri, review_fallback, create_time, update_time";

    private final Jdbi jdbi;
    private final TagStore tags;
    private final LoggingConfigurationOperations logging;
    private final EngineIdentity identity;
    private final Clock clock;

    RoomOperations(
            Jdbi jdbi, TagStore tags, LoggingConfigurationOperations logging, EngineIdentity identity, Clock clock) {
        this.jdbi = jdbi;
        this.tags = tags;
        this.logging = logging;
        this.identity = identity;
        this.clock = clock;
    }

    Room create(CreateRoomRequest r) {
        Validation v = new Validation().tags("tags", r.tags());
        validateSettings(
                v,
                r.name(),
                r.maximumMessageRatePerSecond(),
                r.maximumMessageLength(),
                r.messageReviewHandler(),
                r.loggingConfigurationIdentifiers());
        v.throwIfInvalid();
        String id = ResourceIds.newId();
        long now = clock.millis();
        MessageReviewHandler handler = r.messageReviewHandler();
        String uri = handler == null || handler.uri() == null || handler.uri().isEmpty() ? null : handler.uri();
        RoomRow row = new RoomRow(
                id,
                identity.arn(SERVICE, "room", id).toString(),
                Objects.requireNonNullElse(r.name(), ""),
                Objects.requireNonNullElse(r.maximumMessageRatePerSecond(), DEFAULT_MESSAGE_RATE),
                Objects.requireNonNullElse(r.maximumMessageLength(), DEFAULT_MESSAGE_LENGTH),
                uri,
                uri == null ? null : fallback(handler, null),
                now,
                now,
                distinct(r.loggingConfigurationIdentifiers()));
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO chat_room (" + COLUMNS + ") VALUES (:id, :arn, :name, :maxMessageRate,"
                            + " :maxMessageLength, :reviewUri, :reviewFallback, :createTime, :updateTime)")
                    .bindMethods(row)
                    .execute();
            writeLogging(h, row);
            tags.put(h, row.arn(), Objects.requireNonNullElse(r.tags(), Map.of()));
            return room(h, row);
        });
    }

    Room get(GetRoomRequest r) {
        validateIdentifier("identifier", r.identifier());
        return jdbi.inTransaction(h -> room(h, existing(h, r.identifier())));
    }

    Room update(UpdateRoomRequest r) {
        validateIdentifier("identifier", r.identifier());
        Validation v = new Validation();
        validateSettings(
                v,
                r.name(),
                r.maximumMessageRatePerSecond(),
                r.maximumMessageLength(),
                r.messageReviewHandler(),
                r.loggingConfigurationIdentifiers());
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            RoomRow old = existing(h, r.identifier());
            MessageReviewHandler handler = r.messageReviewHandler();
            String uri = old.reviewUri();
            String fallback = old.reviewFallback();
            if (handler != null) {
                if (handler.uri() != null) {
                    uri = handler.uri().isEmpty() ? null : handler.uri();
                }
                fallback = uri == null ? null : fallback(handler, old.reviewFallback());
            }
            RoomRow row = new RoomRow(
                    old.id(),
                    old.arn(),
                    Objects.requireNonNullElse(r.name(), old.name()),
                    Objects.requireNonNullElse(r.maximumMessageRatePerSecond(), old.maxMessageRate()),
                    Objects.requireNonNullElse(r.maximumMessageLength(), old.maxMessageLength()),
                    uri,
                    fallback,
                    old.createTime(),
                    Math.max(clock.millis(), old.updateTime() + 1),
                    r.loggingConfigurationIdentifiers() == null
                            ? old.loggingConfigurationArns()
                            : distinct(r.loggingConfigurationIdentifiers()));
            h.createUpdate("UPDATE chat_room SET name = :name, max_message_rate = :maxMessageRate,"
                            + " max_message_length = :maxMessageLength, review_uri = :reviewUri,"
                            + " review_fallback = :reviewFallback, update_time = :updateTime WHERE id = :id")
                    .bindMethods(row)
                    .execute();
            writeLogging(h, row);
            return room(h, row);
        });
    }

    void delete(DeleteRoomRequest r) {
        validateIdentifier("identifier", r.identifier());
        jdbi.useTransaction(h -> {
            RoomRow row = existing(h, r.identifier());
            tags.removeAll(h, row.arn());
            h.createUpdate("DELETE FROM chat_room_logging WHERE room_id = :id")
                    .bind("id", row.id())
                    .execute();
            h.createUpdate("DELETE FROM chat_room WHERE id = :id")
                    .bind("id", row.id())
                    .execute();
        });
    }

    ListRoomsResponse list(ListRoomsRequest r) {
        new Validation()
                .length("name", r.name(), 0, 128)
                .pattern("name", r.name(), NAME)
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, LIST_MAX)
                .length("messageReviewHandlerUri", r.messageReviewHandlerUri(), 0, 170)
                .length("loggingConfigurationIdentifier", r.loggingConfigurationIdentifier(), 1, 128)
                .pattern(
                        "loggingConfigurationIdentifier", r.loggingConfigurationIdentifier(), LOGGING_CONFIGURATION_ARN)
                .throwIfInvalid();
        String after = PageToken.decode(r.nextToken()).orElse(null);
        long afterTime = Long.MAX_VALUE;
        String afterId = "";
        if (after != null) {
            int colon = after.indexOf(':');
            try {
                afterTime = Long.parseLong(after.substring(0, Math.max(colon, 0)));
                afterId = after.substring(colon + 1);
            } catch (NumberFormatException e) {
                throw dev.streamcat.api.ValidationException.field("nextToken", "The nextToken is invalid");
            }
        }
        int limit = PageToken.pageSize(r.maxResults(), LIST_DEFAULT);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM chat_room r WHERE 1 = 1");
        if (after != null)
            sql.append(" AND (update_time < :afterTime OR (update_time = :afterTime AND id < :afterId))");
        if (r.name() != null) sql.append(" AND name = :name");
        if (r.messageReviewHandlerUri() != null) sql.append(" AND COALESCE(review_uri, '') = :uri");
        if (r.loggingConfigurationIdentifier() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM chat_room_logging l JOIN chat_logging_configuration c")
                    .append(" ON c.id = l.logging_configuration_id WHERE l.room_id = r.id AND c.arn = :logging)");
        }
        sql.append(" ORDER BY update_time DESC, id DESC LIMIT :limit");
        long finalAfterTime = afterTime;
        String finalAfterId = afterId;
        return jdbi.inTransaction(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit + 1);
            if (after != null) query.bind("afterTime", finalAfterTime).bind("afterId", finalAfterId);
            if (r.name() != null) query.bind("name", r.name());
            if (r.messageReviewHandlerUri() != null) query.bind("uri", r.messageReviewHandlerUri());
            if (r.loggingConfigurationIdentifier() != null) query.bind("logging", r.loggingConfigurationIdentifier());
            List<RoomRow> rows = query.map((rs, ctx) -> row(rs)).list().stream()
                    .map(row -> withLogging(h, row))
                    .toList();
            List<RoomRow> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, Map<String, String>> pageTags =
                    tags.tags(h, page.stream().map(RoomRow::arn).toList());
            List<RoomSummary> rooms = page.stream()
                    .map(row -> new RoomSummary(
                            row.arn(),
                            row.id(),
                            row.name(),
                            handler(row),
                            Instant.ofEpochMilli(row.createTime()),
                            Instant.ofEpochMilli(row.updateTime()),
                            pageTags.get(row.arn()),
                            row.loggingConfigurationArns()))
                    .toList();
            String next = rows.size() > limit
                    ? PageToken.encode(
                            page.getLast().updateTime() + ":" + page.getLast().id())
                    : null;
            return new ListRoomsResponse(rooms, next);
        });
    }

    /** The stored room named by an ARN, or ResourceNotFoundException. */
    RoomRow existing(Handle h, String arn) {
        return find(h, arn)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "Room not found: " + arn, arn.substring(arn.lastIndexOf('/') + 1), "ROOM"));
    }

    Optional<RoomRow> find(Handle h, String arn) {
        return h.createQuery("SELECT " + COLUMNS + " FROM chat_room r WHERE arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> row(rs))
                .findOne()
                .map(row -> withLogging(h, row));
    }

    Optional<RoomRow> find(String arn) {
        return jdbi.inTransaction(h -> find(h, arn));
    }

    private RoomRow withLogging(Handle h, RoomRow row) {
        List<String> arns = h.createQuery("SELECT c.arn FROM chat_room_logging l JOIN chat_logging_configuration c"
                        + " ON c.id = l.logging_configuration_id WHERE l.room_id = :id ORDER BY l.position")
                .bind("id", row.id())
                .mapTo(String.class)
                .list();
        return new RoomRow(
                row.id(),
                row.arn(),
                row.name(),
                row.maxMessageRate(),
                row.maxMessageLength(),
                row.reviewUri(),
                row.reviewFallback(),
                row.createTime(),
                row.updateTime(),
                arns);
    }

    private void writeLogging(Handle h, RoomRow row) {
        h.createUpdate("DELETE FROM chat_room_logging WHERE room_id = :id")
                .bind("id", row.id())
                .execute();
        int position = 0;
        for (String arn : row.loggingConfigurationArns()) {
            String configId = logging.existingId(h, arn);
            h.createUpdate("INSERT INTO chat_room_logging (room_id, logging_configuration_id, position)"
                            + " VALUES (:room, :config, :position)")
                    .bind("room", row.id())
                    .bind("config", configId)
                    .bind("position", position++)
                    .execute();
        }
    }

    private Room room(Handle h, RoomRow row) {
        return new Room(
                row.arn(),
                row.id(),
                row.name(),
                Instant.ofEpochMilli(row.createTime()),
                Instant.ofEpochMilli(row.updateTime()),
                row.maxMessageRate(),
                row.maxMessageLength(),
                handler(row),
                tags.tags(h, row.arn()),
                row.loggingConfigurationArns());
    }

    private static @Nullable MessageReviewHandler handler(RoomRow row) {
        return row.reviewUri() == null ? null : new MessageReviewHandler(row.reviewUri(), row.reviewFallback());
    }

    private static String fallback(@Nullable MessageReviewHandler handler, @Nullable String previous) {
        if (handler != null && handler.fallbackResult() != null) {
            return handler.fallbackResult();
        }
        return previous == null ? "ALLOW" : previous;
    }

    private static List<String> distinct(@Nullable List<String> arns) {
        return arns == null ? List.of() : arns.stream().distinct().toList();
    }

    private static RoomRow row(ResultSet rs) throws SQLException {
        return new RoomRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getLong(9),
                List.of());
    }

    static void validateIdentifier(String field, @Nullable String arn) {
        new Validation()
                .required(field, arn)
                .length(field, arn, 1, 128)
                .pattern(field, arn, ROOM_ARN)
                .throwIfInvalid();
    }

    private static void validateSettings(
            Validation v,
            @Nullable String name,
            @Nullable Integer rate,
            @Nullable Integer length,
            @Nullable MessageReviewHandler handler,
            @Nullable List<String> logging) {
        v.length("name", name, 0, 128)
                .pattern("name", name, NAME)
                .range("maximumMessageRatePerSecond", rate, 1, MAX_MESSAGE_RATE)
                .range("maximumMessageLength", length, 1, MAX_MESSAGE_LENGTH)
                .size("loggingConfigurationIdentifiers", logging, 0, MAX_LOGGING_CONFIGURATIONS_PER_ROOM);
        if (handler != null) {
            v.length("messageReviewHandler.uri", handler.uri(), 0, 170)
                    .pattern("messageReviewHandler.uri", handler.uri(), REVIEW_HANDLER_URI)
                    .oneOf("messageReviewHandler.fallbackResult", handler.fallbackResult(), FALLBACK_RESULTS);
        }
        if (logging != null) {
            for (String arn : logging) {
                v.length("loggingConfigurationIdentifiers", arn, 1, 128)
                        .pattern("loggingConfigurationIdentifiers", arn, LOGGING_CONFIGURATION_ARN);
            }
        }
    }
}
