package dev.streamcat.engine.chat;

import static dev.streamcat.engine.chat.ChatConstraints.*;

import dev.streamcat.api.ConflictException;
import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ServiceQuotaExceededException;
import dev.streamcat.api.ivschat.CloudWatchLogsDestinationConfiguration;
import dev.streamcat.api.ivschat.CreateLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.DeleteLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.DestinationConfiguration;
import dev.streamcat.api.ivschat.FirehoseDestinationConfiguration;
import dev.streamcat.api.ivschat.GetLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.ListLoggingConfigurationsRequest;
import dev.streamcat.api.ivschat.ListLoggingConfigurationsResponse;
import dev.streamcat.api.ivschat.LoggingConfiguration;
import dev.streamcat.api.ivschat.S3DestinationConfiguration;
import dev.streamcat.api.ivschat.UpdateLoggingConfigurationRequest;
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

/**
 * Chat logging configurations: one destination each ({@code s3}, {@code cloudWatchLogs} or {@code
 * firehose}), at most {@value ChatConstraints#MAX_LOGGING_CONFIGURATIONS} per engine. Created and
 * updated {@code ACTIVE} at once. Thread-safe.
 */
final class LoggingConfigurationOperations {
    private static final String COLUMNS =
            "id, arn, name, destination_type, destination_name, state, create_time, update_time";

    private final Jdbi jdbi;
    private final TagStore tags;
    private final EngineIdentity identity;
    private final Clock clock;

    LoggingConfigurationOperations(Jdbi jdbi, TagStore tags, EngineIdentity identity, Clock clock) {
        this.jdbi = jdbi;
        this.tags = tags;
        this.identity = identity;
        this.clock = clock;
    }

    LoggingConfiguration create(CreateLoggingConfigurationRequest r) {
        Validation v = new Validation()
                .length("name", r.name(), 0, 128)
                .pattern("name", r.name(), NAME)
                .required("destinationConfiguration", r.destinationConfiguration())
                .tags("tags", r.tags());
        v.throwIfInvalid();
        Map.Entry<String, String> destination = destination(r.destinationConfiguration());
        String id = ResourceIds.newId();
        long now = clock.millis();
        LoggingConfigurationRow row = new LoggingConfigurationRow(
                id,
                identity.arn(SERVICE, "logging-configuration", id).toString(),
                Objects.requireNonNullElse(r.name(), ""),
                destination.getKey(),
                destination.getValue(),
                "ACTIVE",
                now,
                now);
        return jdbi.inTransaction(h -> {
            int count = h.createQuery("SELECT COUNT(*) FROM chat_logging_configuration")
                    .mapTo(Integer.class)
                    .one();
            if (count >= MAX_LOGGING_CONFIGURATIONS) {
                throw new ServiceQuotaExceededException(
                        "Logging configuration quota exceeded: at most " + MAX_LOGGING_CONFIGURATIONS,
                        id,
                        "LOGGING_CONFIGURATION",
                        MAX_LOGGING_CONFIGURATIONS);
            }
            h.createUpdate("INSERT INTO chat_logging_configuration (" + COLUMNS + ") VALUES (:id, :arn, :name,"
                            + " :destinationType, :destinationName, :state, :createTime, :updateTime)")
                    .bindMethods(row)
                    .execute();
            tags.put(h, row.arn(), Objects.requireNonNullElse(r.tags(), Map.of()));
            return view(row, tags.tags(h, row.arn()));
        });
    }

    LoggingConfiguration get(GetLoggingConfigurationRequest r) {
        validateIdentifier(r.identifier());
        return jdbi.inTransaction(h -> {
            LoggingConfigurationRow row = existing(h, r.identifier());
            return view(row, tags.tags(h, row.arn()));
        });
    }

    LoggingConfiguration update(UpdateLoggingConfigurationRequest r) {
        validateIdentifier(r.identifier());
        new Validation()
                .length("name", r.name(), 0, 128)
                .pattern("name", r.name(), NAME)
                .throwIfInvalid();
        Map.Entry<String, String> destination =
                r.destinationConfiguration() == null ? null : destination(r.destinationConfiguration());
        return jdbi.inTransaction(h -> {
            LoggingConfigurationRow old = existing(h, r.identifier());
            LoggingConfigurationRow row = new LoggingConfigurationRow(
                    old.id(),
                    old.arn(),
                    Objects.requireNonNullElse(r.name(), old.name()),
                    destination == null ? old.destinationType() : destination.getKey(),
                    destination == null ? old.destinationName() : destination.getValue(),
                    "ACTIVE",
                    old.createTime(),
                    Math.max(clock.millis(), old.updateTime() + 1));
            h.createUpdate(
                            "UPDATE chat_logging_configuration SET name = :name, destination_type = :destinationType,"
                                    + " destination_name = :destinationName, state = :state, update_time = :updateTime WHERE id = :id")
                    .bindMethods(row)
                    .execute();
            return view(row, tags.tags(h, row.arn()));
        });
    }

    void delete(DeleteLoggingConfigurationRequest r) {
        validateIdentifier(r.identifier());
        jdbi.useTransaction(h -> {
            LoggingConfigurationRow row = existing(h, r.identifier());
            int rooms = h.createQuery("SELECT COUNT(*) FROM chat_room_logging WHERE logging_configuration_id = :id")
                    .bind("id", row.id())
                    .mapTo(Integer.class)
                    .one();
            if (rooms > 0) {
                throw new ConflictException(
                        "Logging configuration is attached to " + rooms + " room(s): remove it from them first",
                        row.id(),
                        "LOGGING_CONFIGURATION");
            }
            tags.removeAll(h, row.arn());
            h.createUpdate("DELETE FROM chat_logging_configuration WHERE id = :id")
                    .bind("id", row.id())
                    .execute();
        });
    }

    ListLoggingConfigurationsResponse list(ListLoggingConfigurationsRequest r) {
        new Validation()
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, LIST_MAX)
                .throwIfInvalid();
        String after = PageToken.decode(r.nextToken()).orElse(null);
        int limit = PageToken.pageSize(r.maxResults(), LIST_DEFAULT);
        return jdbi.inTransaction(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM chat_logging_configuration"
                            + (after == null ? "" : " WHERE arn > :after") + " ORDER BY arn LIMIT :limit")
                    .bind("limit", limit + 1);
            if (after != null) query.bind("after", after);
            List<LoggingConfigurationRow> rows = query.map((rs, ctx) -> row(rs)).list();
            List<LoggingConfigurationRow> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, Map<String, String>> pageTags =
                    tags.tags(h, page.stream().map(LoggingConfigurationRow::arn).toList());
            return new ListLoggingConfigurationsResponse(
                    page.stream().map(row -> view(row, pageTags.get(row.arn()))).toList(),
                    rows.size() > limit ? PageToken.encode(page.getLast().arn()) : null);
        });
    }

    /** The id of an existing configuration, or ResourceNotFoundException. */
    String existingId(Handle h, String arn) {
        return existing(h, arn).id();
    }

    Optional<LoggingConfigurationRow> find(Handle h, String arn) {
        return h.createQuery("SELECT " + COLUMNS + " FROM chat_logging_configuration WHERE arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The configurations with these ARNs that still exist, in the given order. */
    List<LoggingConfigurationRow> findAll(List<String> arns) {
        return jdbi.inTransaction(
                h -> arns.stream().flatMap(arn -> find(h, arn).stream()).toList());
    }

    private LoggingConfigurationRow existing(Handle h, String arn) {
        return find(h, arn)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "Logging configuration not found: " + arn,
                        arn.substring(arn.lastIndexOf('/') + 1),
                        "LOGGING_CONFIGURATION"));
    }

    private static Map.Entry<String, String> destination(@Nullable DestinationConfiguration d) {
        Validation v = new Validation();
        int set = 0;
        S3DestinationConfiguration s3 = d == null ? null : d.s3();
        CloudWatchLogsDestinationConfiguration cw = d == null ? null : d.cloudWatchLogs();
        FirehoseDestinationConfiguration firehose = d == null ? null : d.firehose();
        Map.Entry<String, String> result = null;
        if (s3 != null) {
            set++;
            v.required("destinationConfiguration.s3.bucketName", s3.bucketName())
                    .length("destinationConfiguration.s3.bucketName", s3.bucketName(), 3, 63)
                    .pattern("destinationConfiguration.s3.bucketName", s3.bucketName(), BUCKET_NAME);
            result = Map.entry("s3", Objects.requireNonNullElse(s3.bucketName(), ""));
        }
        if (cw != null) {
            set++;
            v.required("destinationConfiguration.cloudWatchLogs.logGroupName", cw.logGroupName())
                    .length("destinationConfiguration.cloudWatchLogs.logGroupName", cw.logGroupName(), 1, 512)
                    .pattern("destinationConfiguration.cloudWatchLogs.logGroupName", cw.logGroupName(), LOG_GROUP_NAME);
            result = Map.entry("cloudWatchLogs", Objects.requireNonNullElse(cw.logGroupName(), ""));
        }
        if (firehose != null) {
            set++;
            v.required("destinationConfiguration.firehose.deliveryStreamName", firehose.deliveryStreamName())
                    .length(
                            "destinationConfiguration.firehose.deliveryStreamName",
                            firehose.deliveryStreamName(),
                            1,
                            64)
                    .pattern(
                            "destinationConfiguration.firehose.deliveryStreamName",
                            firehose.deliveryStreamName(),
                            DELIVERY_STREAM_NAME);
            result = Map.entry("firehose", Objects.requireNonNullElse(firehose.deliveryStreamName(), ""));
        }
        v.check(set == 1, "destinationConfiguration", "Exactly one of s3, cloudWatchLogs or firehose must be set");
        v.throwIfInvalid();
        return Objects.requireNonNull(result);
    }

    static LoggingConfiguration view(LoggingConfigurationRow row, Map<String, String> configTags) {
        DestinationConfiguration destination =
                switch (row.destinationType()) {
                    case "s3" ->
                        new DestinationConfiguration(new S3DestinationConfiguration(row.destinationName()), null, null);
                    case "cloudWatchLogs" ->
                        new DestinationConfiguration(
                                null, new CloudWatchLogsDestinationConfiguration(row.destinationName()), null);
                    default ->
                        new DestinationConfiguration(
                                null, null, new FirehoseDestinationConfiguration(row.destinationName()));
                };
        return new LoggingConfiguration(
                row.arn(),
                row.id(),
                Instant.ofEpochMilli(row.createTime()),
                Instant.ofEpochMilli(row.updateTime()),
                row.name(),
                destination,
                row.state(),
                configTags);
    }

    private static LoggingConfigurationRow row(ResultSet rs) throws SQLException {
        return new LoggingConfigurationRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8));
    }

    private static void validateIdentifier(@Nullable String arn) {
        new Validation()
                .required("identifier", arn)
                .length("identifier", arn, 1, 128)
                .pattern("identifier", arn, LOGGING_CONFIGURATION_ARN)
                .throwIfInvalid();
    }
}
