package dev.streamcat.engine.channel;

import static dev.streamcat.engine.channel.IvsConstraints.*;

import dev.streamcat.api.ConflictException;
import dev.streamcat.api.ivs.CreateRecordingConfigurationRequest;
import dev.streamcat.api.ivs.CreateRecordingConfigurationResponse;
import dev.streamcat.api.ivs.DeleteRecordingConfigurationRequest;
import dev.streamcat.api.ivs.DestinationConfiguration;
import dev.streamcat.api.ivs.GetRecordingConfigurationRequest;
import dev.streamcat.api.ivs.GetRecordingConfigurationResponse;
import dev.streamcat.api.ivs.ListRecordingConfigurationsRequest;
import dev.streamcat.api.ivs.ListRecordingConfigurationsResponse;
import dev.streamcat.api.ivs.RecordingConfiguration;
import dev.streamcat.api.ivs.RecordingConfigurationSummary;
import dev.streamcat.api.ivs.RenditionConfiguration;
import dev.streamcat.api.ivs.S3DestinationConfiguration;
import dev.streamcat.api.ivs.ThumbnailConfiguration;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.engine.resource.PageToken;
import dev.streamcat.engine.resource.ResourceIds;
import dev.streamcat.engine.resource.Validation;
import dev.streamcat.engine.tag.TagStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Recording configuration resources (the recorder that uses them is later work). Created {@code
 * ACTIVE} at once. Thread-safe.
 */
final class RecordingConfigurationOperations {
    private static final String COLUMNS =
            "id, arn, name, bucket_name, state, thumbnail_json, rendition_json, reconnect_window_s";

    private final Jdbi jdbi;
    private final ChannelStore channels;
    private final TagStore tags;
    private final EngineIdentity identity;
    private final Clock clock;

    private record Row(
            String id,
            String arn,
            String name,
            String bucketName,
            String state,
            ThumbnailConfiguration thumbnail,
            RenditionConfiguration rendition,
            int reconnectWindowSeconds) {}

    RecordingConfigurationOperations(
            Jdbi jdbi, ChannelStore channels, TagStore tags, EngineIdentity identity, Clock clock) {
        this.jdbi = jdbi;
        this.channels = channels;
        this.tags = tags;
        this.identity = identity;
        this.clock = clock;
    }

    CreateRecordingConfigurationResponse create(CreateRecordingConfigurationRequest r) {
        DestinationConfiguration destination = r.destinationConfiguration();
        S3DestinationConfiguration s3 = destination == null ? null : destination.s3();
        String bucket = s3 == null ? null : s3.bucketName();
        ThumbnailConfiguration t = r.thumbnailConfiguration();
        RenditionConfiguration rc = r.renditionConfiguration();
        Validation v = new Validation()
                .length("name", r.name(), 0, 128)
                .pattern("name", r.name(), NAME)
                .required("destinationConfiguration", destination)
                .tags("tags", r.tags())
                .range("recordingReconnectWindowSeconds", r.recordingReconnectWindowSeconds(), 0, 300);
        if (destination != null) {
            v.required("destinationConfiguration.s3", s3);
        }
        if (s3 != null) {
            v.required("destinationConfiguration.s3.bucketName", bucket)
                    .length("destinationConfiguration.s3.bucketName", bucket, 3, 63)
                    .pattern("destinationConfiguration.s3.bucketName", bucket, BUCKET_NAME);
        }
        if (t != null) {
            v.oneOf("thumbnailConfiguration.recordingMode", t.recordingMode(), RECORDING_MODES)
                    .range("thumbnailConfiguration.targetIntervalSeconds", t.targetIntervalSeconds(), 1, 60)
                    .oneOf("thumbnailConfiguration.resolution", t.resolution(), THUMBNAIL_RESOLUTIONS);
            for (String storage : Objects.requireNonNullElse(t.storage(), List.<String>of())) {
                v.oneOf("thumbnailConfiguration.storage", storage, THUMBNAIL_STORAGE);
            }
        }
        if (rc != null) {
            v.oneOf("renditionConfiguration.renditionSelection", rc.renditionSelection(), RENDITION_SELECTIONS);
            for (String rendition : Objects.requireNonNullElse(rc.renditions(), List.<String>of())) {
                v.oneOf("renditionConfiguration.renditions", rendition, THUMBNAIL_RESOLUTIONS);
            }
            v.check(
                    !"CUSTOM".equals(rc.renditionSelection())
                            || (rc.renditions() != null && !rc.renditions().isEmpty()),
                    "renditionConfiguration.renditions",
                    "CUSTOM rendition selection needs at least one rendition");
        }
        v.throwIfInvalid();
        String id = ResourceIds.newId();
        Row row = new Row(
                id,
                identity.arn(SERVICE, "recording-configuration", id).toString(),
                Objects.requireNonNullElse(r.name(), ""),
                bucket,
                "ACTIVE",
                thumbnailWithDefaults(t),
                new RenditionConfiguration(
                        rc == null || rc.renditionSelection() == null ? "ALL" : rc.renditionSelection(),
                        rc == null || rc.renditions() == null ? List.of() : rc.renditions()),
                Objects.requireNonNullElse(r.recordingReconnectWindowSeconds(), 0));
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO ivs_recording_configuration (" + COLUMNS
                            + ", created_at) VALUES (:id, :arn, :name,"
                            + " :bucketName, :state, :thumbnail, :rendition, :reconnect, :createdAt)")
                    .bind("id", row.id())
                    .bind("arn", row.arn())
                    .bind("name", row.name())
                    .bind("bucketName", row.bucketName())
                    .bind("state", row.state())
                    .bind("thumbnail", EngineJson.write(row.thumbnail()))
                    .bind("rendition", EngineJson.write(row.rendition()))
                    .bind("reconnect", row.reconnectWindowSeconds())
                    .bind("createdAt", clock.millis())
                    .execute();
            tags.put(h, row.arn(), Objects.requireNonNullElse(r.tags(), Map.of()));
            return new CreateRecordingConfigurationResponse(view(h, row));
        });
    }

    GetRecordingConfigurationResponse get(GetRecordingConfigurationRequest r) {
        validateArn(r.arn());
        return jdbi.inTransaction(h -> new GetRecordingConfigurationResponse(view(h, existingRow(h, r.arn()))));
    }

    ListRecordingConfigurationsResponse list(ListRecordingConfigurationsRequest r) {
        new Validation()
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, LIST_RECORDING_CONFIGURATIONS_MAX)
                .throwIfInvalid();
        String after = PageToken.decode(r.nextToken()).orElse(null);
        int limit = PageToken.pageSize(r.maxResults(), LIST_RECORDING_CONFIGURATIONS_DEFAULT);
        return jdbi.inTransaction(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM ivs_recording_configuration"
                            + (after == null ? "" : " WHERE arn > :after") + " ORDER BY arn LIMIT :limit")
                    .bind("limit", limit + 1);
            if (after != null) query.bind("after", after);
            List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
            List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, Map<String, String>> pageTags =
                    tags.tags(h, page.stream().map(Row::arn).toList());
            List<RecordingConfigurationSummary> items = page.stream()
                    .map(row -> new RecordingConfigurationSummary(
                            row.arn(), destination(row), row.state(), row.name(), pageTags.get(row.arn())))
                    .toList();
            return new ListRecordingConfigurationsResponse(
                    items, rows.size() > limit ? PageToken.encode(page.getLast().arn()) : null);
        });
    }

    void delete(DeleteRecordingConfigurationRequest r) {
        validateArn(r.arn());
        jdbi.useTransaction(h -> {
            Row row = existingRow(h, r.arn());
            if (channels.recordingConfigurationInUse(h, row.arn())) {
                throw new ConflictException(
                        "Recording configuration is in use by a channel: detach it first",
                        row.id(),
                        "RECORDING_CONFIGURATION");
            }
            tags.removeAll(h, row.arn());
            h.createUpdate("DELETE FROM ivs_recording_configuration WHERE id = :id")
                    .bind("id", row.id())
                    .execute();
        });
    }

    /** Fails with ResourceNotFoundException unless the configuration exists. */
    void existing(Handle h, String arn) {
        existingRow(h, arn);
    }

    boolean exists(Handle h, String arn) {
        return find(h, arn).isPresent();
    }

    private Optional<Row> find(Handle h, String arn) {
        return h.createQuery("SELECT " + COLUMNS + " FROM ivs_recording_configuration WHERE arn = :arn")
                .bind("arn", arn)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    private Row existingRow(Handle h, String arn) {
        return find(h, arn)
                .orElseThrow(() -> StreamKeyOperations.notFound(
                        "Recording configuration not found: " + arn, arn, "RECORDING_CONFIGURATION"));
    }

    private RecordingConfiguration view(Handle h, Row row) {
        return new RecordingConfiguration(
                row.arn(),
                destination(row),
                row.state(),
                row.name(),
                tags.tags(h, row.arn()),
                row.thumbnail(),
                row.reconnectWindowSeconds(),
                row.rendition());
    }

    private static DestinationConfiguration destination(Row row) {
        return new DestinationConfiguration(new S3DestinationConfiguration(row.bucketName()));
    }

    private static ThumbnailConfiguration thumbnailWithDefaults(@Nullable ThumbnailConfiguration t) {
        return new ThumbnailConfiguration(
                t == null || t.recordingMode() == null ? "INTERVAL" : t.recordingMode(),
                t == null || t.targetIntervalSeconds() == null ? 60L : t.targetIntervalSeconds(),
                t == null ? null : t.resolution(),
                t == null || t.storage() == null || t.storage().isEmpty() ? List.of("SEQUENTIAL") : t.storage());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                EngineJson.read(rs.getString(6), ThumbnailConfiguration.class),
                EngineJson.read(rs.getString(7), RenditionConfiguration.class),
                rs.getInt(8));
    }

    private static void validateArn(@Nullable String arn) {
        new Validation()
                .required("arn", arn)
                .length("arn", arn, 1, 128)
                .pattern("arn", arn, RECORDING_CONFIGURATION_ARN)
                .throwIfInvalid();
    }
}
