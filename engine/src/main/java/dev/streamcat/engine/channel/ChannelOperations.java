package dev.streamcat.engine.channel;

import static dev.streamcat.engine.channel.IvsConstraints.*;

import dev.streamcat.api.ConflictException;
import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ValidationException;
import dev.streamcat.api.ivs.BatchError;
import dev.streamcat.api.ivs.BatchGetChannelRequest;
import dev.streamcat.api.ivs.BatchGetChannelResponse;
import dev.streamcat.api.ivs.Channel;
import dev.streamcat.api.ivs.ChannelSummary;
import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.api.ivs.DeleteChannelRequest;
import dev.streamcat.api.ivs.GetChannelRequest;
import dev.streamcat.api.ivs.GetChannelResponse;
import dev.streamcat.api.ivs.ListChannelsRequest;
import dev.streamcat.api.ivs.ListChannelsResponse;
import dev.streamcat.api.ivs.MultitrackInputConfiguration;
import dev.streamcat.api.ivs.UpdateChannelRequest;
import dev.streamcat.api.ivs.UpdateChannelResponse;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.resource.PageToken;
import dev.streamcat.engine.resource.ResourceIds;
import dev.streamcat.engine.resource.Validation;
import dev.streamcat.engine.tag.TagStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** CreateChannel, GetChannel, BatchGetChannel, ListChannels, UpdateChannel, DeleteChannel. Thread-safe. */
final class ChannelOperations {
    private final Jdbi jdbi;
    private final ChannelStore store;
    private final TagStore tags;
    private final StreamKeyOperations keys;
    private final RecordingConfigurationOperations recordings;
    private final EngineIdentity identity;
    private final LiveChannels live;
    private final Clock clock;

    ChannelOperations(
            Jdbi jdbi,
            ChannelStore store,
            TagStore tags,
            StreamKeyOperations keys,
            RecordingConfigurationOperations recordings,
            EngineIdentity identity,
            LiveChannels live,
            Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.tags = tags;
        this.keys = keys;
        this.recordings = recordings;
        this.identity = identity;
        this.live = live;
        this.clock = clock;
    }

    CreateChannelResponse create(CreateChannelRequest r) {
        Validation v = new Validation();
        validateSettings(
                v,
                r.name(),
                r.latencyMode(),
                r.type(),
                r.preset(),
                r.recordingConfigurationArn(),
                r.playbackRestrictionPolicyArn(),
                r.adConfigurationArn(),
                r.containerFormat(),
                r.multitrackInputConfiguration());
        v.tags("tags", r.tags()).throwIfInvalid();
        String type = Objects.requireNonNullElse(r.type(), DEFAULT_TYPE);
        String id = ResourceIds.newId();
        ChannelRow row = new ChannelRow(
                id,
                identity.arn(SERVICE, "channel", id).toString(),
                Objects.requireNonNullElse(r.name(), ""),
                Objects.requireNonNullElse(r.latencyMode(), DEFAULT_LATENCY_MODE),
                type,
                preset(type, r.preset()),
                Boolean.TRUE.equals(r.authorized()),
                Boolean.TRUE.equals(r.insecureIngest()),
                Objects.requireNonNullElse(r.recordingConfigurationArn(), ""),
                Objects.requireNonNullElse(r.playbackRestrictionPolicyArn(), ""),
                Objects.requireNonNullElse(r.adConfigurationArn(), ""),
                Objects.requireNonNullElse(r.containerFormat(), DEFAULT_CONTAINER_FORMAT),
                r.multitrackInputConfiguration(),
                clock.millis());
        return jdbi.inTransaction(h -> {
            checkReferences(h, row);
            store.insert(h, row);
            Map<String, String> channelTags = Objects.requireNonNullElse(r.tags(), Map.of());
            tags.put(h, row.arn(), channelTags);
            var key = keys.createFor(h, row, Map.of());
            return new CreateChannelResponse(toChannel(row, channelTags), key);
        });
    }

    GetChannelResponse get(GetChannelRequest r) {
        validateArn(r.arn());
        return jdbi.inTransaction(h -> new GetChannelResponse(channel(h, existing(h, r.arn()))));
    }

    BatchGetChannelResponse batchGet(BatchGetChannelRequest r) {
        Validation v = new Validation().required("arns", r.arns()).size("arns", r.arns(), 1, MAX_BATCH);
        v.throwIfInvalid();
        for (String arn : r.arns()) {
            v.length("arns", arn, 1, 128).pattern("arns", arn, CHANNEL_ARN);
        }
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            List<Channel> channels = new ArrayList<>();
            List<BatchError> errors = new ArrayList<>();
            for (String arn : r.arns().stream().distinct().toList()) {
                store.channelByArn(h, arn)
                        .ifPresentOrElse(
                                row -> channels.add(channel(h, row)),
                                () -> errors.add(
                                        new BatchError(arn, "ResourceNotFoundException", "channel not found: " + arn)));
            }
            return new BatchGetChannelResponse(channels, errors);
        });
    }

    ListChannelsResponse list(ListChannelsRequest r) {
        new Validation()
                .length("filterByName", r.filterByName(), 0, 128)
                .pattern("filterByName", r.filterByName(), NAME)
                .length("filterByRecordingConfigurationArn", r.filterByRecordingConfigurationArn(), 0, 128)
                .pattern(
                        "filterByRecordingConfigurationArn",
                        r.filterByRecordingConfigurationArn(),
                        OPTIONAL_RECORDING_CONFIGURATION_ARN)
                .pattern(
                        "filterByPlaybackRestrictionPolicyArn",
                        r.filterByPlaybackRestrictionPolicyArn(),
                        OPTIONAL_PLAYBACK_RESTRICTION_POLICY_ARN)
                .pattern("filterByAdConfigurationArn", r.filterByAdConfigurationArn(), OPTIONAL_AD_CONFIGURATION_ARN)
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, LIST_CHANNELS_MAX)
                .throwIfInvalid();
        if (r.filterByName() != null && r.filterByRecordingConfigurationArn() != null) {
            throw new ConflictException(
                    "filterByName and filterByRecordingConfigurationArn cannot be used together", "", "CHANNEL");
        }
        String after = PageToken.decode(r.nextToken()).orElse(null);
        int limit = PageToken.pageSize(r.maxResults(), LIST_CHANNELS_DEFAULT);
        return jdbi.inTransaction(h -> {
            List<ChannelRow> rows = store.channels(
                    h,
                    after,
                    limit + 1,
                    r.filterByName(),
                    r.filterByRecordingConfigurationArn(),
                    r.filterByPlaybackRestrictionPolicyArn(),
                    r.filterByAdConfigurationArn());
            List<ChannelRow> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, Map<String, String>> pageTags =
                    tags.tags(h, page.stream().map(ChannelRow::arn).toList());
            List<ChannelSummary> summaries =
                    page.stream().map(c -> summary(c, pageTags.get(c.arn()))).toList();
            String next = rows.size() > limit ? PageToken.encode(page.getLast().arn()) : null;
            return new ListChannelsResponse(summaries, next);
        });
    }

    UpdateChannelResponse update(UpdateChannelRequest r) {
        validateArn(r.arn());
        Validation v = new Validation();
        validateSettings(
                v,
                r.name(),
                r.latencyMode(),
                r.type(),
                r.preset(),
                r.recordingConfigurationArn(),
                r.playbackRestrictionPolicyArn(),
                r.adConfigurationArn(),
                r.containerFormat(),
                r.multitrackInputConfiguration());
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ChannelRow old = existing(h, r.arn());
            String type = Objects.requireNonNullElse(r.type(), old.type());
            String preset = r.preset() != null || r.type() != null ? preset(type, r.preset()) : old.preset();
            ChannelRow row = new ChannelRow(
                    old.id(),
                    old.arn(),
                    Objects.requireNonNullElse(r.name(), old.name()),
                    Objects.requireNonNullElse(r.latencyMode(), old.latencyMode()),
                    type,
                    preset,
                    Objects.requireNonNullElse(r.authorized(), old.authorized()),
                    Objects.requireNonNullElse(r.insecureIngest(), old.insecureIngest()),
                    Objects.requireNonNullElse(r.recordingConfigurationArn(), old.recordingConfigurationArn()),
                    Objects.requireNonNullElse(r.playbackRestrictionPolicyArn(), old.playbackRestrictionPolicyArn()),
                    Objects.requireNonNullElse(r.adConfigurationArn(), old.adConfigurationArn()),
                    Objects.requireNonNullElse(r.containerFormat(), old.containerFormat()),
                    r.multitrackInputConfiguration() != null ? r.multitrackInputConfiguration() : old.multitrack(),
                    old.createdAt());
            if (live.isLive(row.arn())) {
                throw new ConflictException(
                        "Channel is live: stop the stream before updating the channel", row.id(), "CHANNEL");
            }
            checkReferences(h, row);
            store.update(h, row);
            return new UpdateChannelResponse(channel(h, row));
        });
    }

    void delete(DeleteChannelRequest r) {
        validateArn(r.arn());
        jdbi.useTransaction(h -> {
            ChannelRow row = existing(h, r.arn());
            if (live.isLive(row.arn())) {
                throw new ConflictException(
                        "Channel is live: stop the stream before deleting the channel", row.id(), "CHANNEL");
            }
            for (var key : store.keysOfChannel(h, row.id(), null, Integer.MAX_VALUE)) {
                tags.removeAll(h, key.arn());
            }
            tags.removeAll(h, row.arn());
            store.deleteChannel(h, row.id());
        });
    }

    boolean exists(Handle h, String arn) {
        return store.channelByArn(h, arn).isPresent();
    }

    ChannelRow existing(Handle h, String arn) {
        return store.channelByArn(h, arn)
                .orElseThrow(() -> StreamKeyOperations.notFound("Channel not found: " + arn, arn, "CHANNEL"));
    }

    Channel channel(Handle h, ChannelRow row) {
        return toChannel(row, tags.tags(h, row.arn()));
    }

    private Channel toChannel(ChannelRow c, Map<String, String> channelTags) {
        return new Channel(
                c.arn(),
                c.name(),
                c.latencyMode(),
                c.type(),
                c.recordingConfigurationArn(),
                identity.publicHost(),
                identity.playbackBaseUrl() + "/api/video/v1/" + identity.region() + "." + identity.accountId()
                        + ".channel." + c.id() + ".m3u8",
                c.authorized(),
                channelTags,
                c.insecureIngest(),
                c.preset(),
                null,
                c.playbackRestrictionPolicyArn(),
                multitrackView(c.multitrack()),
                c.containerFormat(),
                c.adConfigurationArn());
    }

    private static ChannelSummary summary(ChannelRow c, Map<String, String> channelTags) {
        return new ChannelSummary(
                c.arn(),
                c.name(),
                c.latencyMode(),
                c.authorized(),
                c.recordingConfigurationArn(),
                channelTags,
                c.insecureIngest(),
                c.type(),
                c.preset(),
                c.playbackRestrictionPolicyArn(),
                c.adConfigurationArn());
    }

    private static MultitrackInputConfiguration multitrackView(@Nullable MultitrackInputConfiguration m) {
        return new MultitrackInputConfiguration(
                m != null && Boolean.TRUE.equals(m.enabled()),
                m != null && m.policy() != null ? m.policy() : "ALLOW",
                m != null && m.maximumResolution() != null ? m.maximumResolution() : "FULL_HD");
    }

    private void checkReferences(Handle h, ChannelRow row) {
        if (!row.recordingConfigurationArn().isEmpty()) {
            recordings.existing(h, row.recordingConfigurationArn());
        }
        if (!row.playbackRestrictionPolicyArn().isEmpty()) {
            throw new ResourceNotFoundException(
                    "Playback restriction policy not found: " + row.playbackRestrictionPolicyArn(),
                    "",
                    "PLAYBACK_RESTRICTION_POLICY");
        }
        if (!row.adConfigurationArn().isEmpty()) {
            throw new ResourceNotFoundException(
                    "Ad configuration not found: " + row.adConfigurationArn(), "", "AD_CONFIGURATION");
        }
        if (!IvsConstraints.advanced(row.type()) && !row.preset().isEmpty()) {
            throw ValidationException.field(
                    "preset", "A preset can only be set on ADVANCED_SD and ADVANCED_HD channels");
        }
    }

    private static String preset(String type, @Nullable String requested) {
        if (IvsConstraints.advanced(type)) {
            return requested == null || requested.isEmpty() ? DEFAULT_ADVANCED_PRESET : requested;
        }
        return Objects.requireNonNullElse(requested, "");
    }

    static void validateArn(@Nullable String arn) {
        validateArnField("arn", arn);
    }

    static void validateArnField(String field, @Nullable String arn) {
        new Validation()
                .required(field, arn)
                .length(field, arn, 1, 128)
                .pattern(field, arn, CHANNEL_ARN)
                .throwIfInvalid();
    }

    private static void validateSettings(
            Validation v,
            @Nullable String name,
            @Nullable String latencyMode,
            @Nullable String type,
            @Nullable String preset,
            @Nullable String recordingConfigurationArn,
            @Nullable String playbackRestrictionPolicyArn,
            @Nullable String adConfigurationArn,
            @Nullable String containerFormat,
            @Nullable MultitrackInputConfiguration multitrack) {
        v.length("name", name, 0, 128)
                .pattern("name", name, NAME)
                .oneOf("latencyMode", latencyMode, LATENCY_MODES)
                .oneOf("type", type, CHANNEL_TYPES)
                .oneOf("preset", preset, PRESETS)
                .length("recordingConfigurationArn", recordingConfigurationArn, 0, 128)
                .pattern("recordingConfigurationArn", recordingConfigurationArn, OPTIONAL_RECORDING_CONFIGURATION_ARN)
                .length("playbackRestrictionPolicyArn", playbackRestrictionPolicyArn, 0, 128)
                .pattern(
                        "playbackRestrictionPolicyArn",
                        playbackRestrictionPolicyArn,
                        OPTIONAL_PLAYBACK_RESTRICTION_POLICY_ARN)
                .length("adConfigurationArn", adConfigurationArn, 0, 128)
                .pattern("adConfigurationArn", adConfigurationArn, OPTIONAL_AD_CONFIGURATION_ARN)
                .oneOf("containerFormat", containerFormat, CONTAINER_FORMATS);
        if (multitrack != null) {
            v.oneOf("multitrackInputConfiguration.policy", multitrack.policy(), MULTITRACK_POLICIES)
                    .oneOf(
                            "multitrackInputConfiguration.maximumResolution",
                            multitrack.maximumResolution(),
                            RESOLUTIONS)
                    .check(
                            !Boolean.TRUE.equals(multitrack.enabled()),
                            "multitrackInputConfiguration.enabled",
                            "Multitrack input is not supported by this engine");
        }
    }
}
