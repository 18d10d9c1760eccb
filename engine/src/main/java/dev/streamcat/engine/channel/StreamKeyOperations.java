package dev.streamcat.engine.channel;

import static dev.streamcat.engine.channel.IvsConstraints.*;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ServiceQuotaExceededException;
import dev.streamcat.api.ivs.BatchError;
import dev.streamcat.api.ivs.BatchGetStreamKeyRequest;
import dev.streamcat.api.ivs.BatchGetStreamKeyResponse;
import dev.streamcat.api.ivs.CreateStreamKeyRequest;
import dev.streamcat.api.ivs.CreateStreamKeyResponse;
import dev.streamcat.api.ivs.DeleteStreamKeyRequest;
import dev.streamcat.api.ivs.GetStreamKeyRequest;
import dev.streamcat.api.ivs.GetStreamKeyResponse;
import dev.streamcat.api.ivs.ListStreamKeysRequest;
import dev.streamcat.api.ivs.ListStreamKeysResponse;
import dev.streamcat.api.ivs.StreamKey;
import dev.streamcat.api.ivs.StreamKeySummary;
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
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Stream key operations. Key values ({@code sk_<region>_<12 chars>_<30 chars>}) are secrets:
 * they are returned by the API but never logged. Thread-safe.
 */
final class StreamKeyOperations {
    private final Jdbi jdbi;
    private final ChannelStore store;
    private final TagStore tags;
    private final EngineIdentity identity;
    private final Clock clock;

    StreamKeyOperations(Jdbi jdbi, ChannelStore store, TagStore tags, EngineIdentity identity, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.tags = tags;
        this.identity = identity;
        this.clock = clock;
    }

    CreateStreamKeyResponse create(CreateStreamKeyRequest r) {
        ChannelOperations.validateArnField("channelArn", r.channelArn());
        new Validation().tags("tags", r.tags()).throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ChannelRow channel = store.channelByArn(h, r.channelArn())
                    .orElseThrow(() -> notFound("Channel not found: " + r.channelArn(), r.channelArn(), "CHANNEL"));
            if (store.keyCount(h, channel.id()) >= STREAM_KEYS_PER_CHANNEL) {
                throw new ServiceQuotaExceededException(
                        "Stream key quota exceeded: a channel has at most " + STREAM_KEYS_PER_CHANNEL + " stream key",
                        channel.id(),
                        "STREAM_KEY",
                        STREAM_KEYS_PER_CHANNEL);
            }
            return new CreateStreamKeyResponse(createFor(h, channel, Objects.requireNonNullElse(r.tags(), Map.of())));
        });
    }

    /** Creates a key for a channel inside the caller's transaction. */
    StreamKey createFor(Handle h, ChannelRow channel, Map<String, String> keyTags) {
        String id = ResourceIds.newId();
        String value = "sk_" + identity.region() + "_" + ResourceIds.newId() + "_" + ResourceIds.random(30);
        var row = new StreamKeyRow(
                id, identity.arn(SERVICE, "stream-key", id).toString(), channel.id(), channel.arn(), value);
        store.insertKey(h, row, clock.millis());
        tags.put(h, row.arn(), keyTags);
        return new StreamKey(row.arn(), value, channel.arn(), tags.tags(h, row.arn()));
    }

    GetStreamKeyResponse get(GetStreamKeyRequest r) {
        validateKeyArn("arn", r.arn());
        return jdbi.inTransaction(h -> new GetStreamKeyResponse(key(h, existing(h, r.arn()))));
    }

    BatchGetStreamKeyResponse batchGet(BatchGetStreamKeyRequest r) {
        Validation v = new Validation().required("arns", r.arns()).size("arns", r.arns(), 1, MAX_BATCH);
        v.throwIfInvalid();
        for (String arn : r.arns()) {
            v.length("arns", arn, 1, 128).pattern("arns", arn, STREAM_KEY_ARN);
        }
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            List<StreamKey> found = new ArrayList<>();
            List<BatchError> errors = new ArrayList<>();
            for (String arn : r.arns().stream().distinct().toList()) {
                store.keyByArn(h, arn)
                        .ifPresentOrElse(
                                row -> found.add(key(h, row)),
                                () -> errors.add(new BatchError(
                                        arn, "ResourceNotFoundException", "stream key not found: " + arn)));
            }
            return new BatchGetStreamKeyResponse(found, errors);
        });
    }

    ListStreamKeysResponse list(ListStreamKeysRequest r) {
        ChannelOperations.validateArnField("channelArn", r.channelArn());
        new Validation()
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, LIST_STREAM_KEYS_MAX)
                .throwIfInvalid();
        String after = PageToken.decode(r.nextToken()).orElse(null);
        int limit = PageToken.pageSize(r.maxResults(), LIST_STREAM_KEYS_DEFAULT);
        return jdbi.inTransaction(h -> {
            ChannelRow channel = store.channelByArn(h, r.channelArn())
                    .orElseThrow(() -> notFound("Channel not found: " + r.channelArn(), r.channelArn(), "CHANNEL"));
            List<StreamKeyRow> rows = store.keysOfChannel(h, channel.id(), after, limit + 1);
            List<StreamKeyRow> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, Map<String, String>> pageTags =
                    tags.tags(h, page.stream().map(StreamKeyRow::arn).toList());
            List<StreamKeySummary> summaries = page.stream()
                    .map(k -> new StreamKeySummary(k.arn(), k.channelArn(), pageTags.get(k.arn())))
                    .toList();
            String next = rows.size() > limit ? PageToken.encode(page.getLast().arn()) : null;
            return new ListStreamKeysResponse(summaries, next);
        });
    }

    void delete(DeleteStreamKeyRequest r) {
        validateKeyArn("arn", r.arn());
        jdbi.useTransaction(h -> {
            StreamKeyRow row = existing(h, r.arn());
            tags.removeAll(h, row.arn());
            store.deleteKey(h, row.id());
        });
    }

    /** The channel ARN a key value belongs to, for ingest authorisation. */
    Optional<String> channelArnOfKey(String value) {
        return jdbi.inTransaction(h -> store.keyByValue(h, value).map(StreamKeyRow::channelArn));
    }

    boolean exists(Handle h, String arn) {
        return store.keyByArn(h, arn).isPresent();
    }

    private StreamKeyRow existing(Handle h, String arn) {
        return store.keyByArn(h, arn).orElseThrow(() -> notFound("Stream key not found: " + arn, arn, "STREAM_KEY"));
    }

    private StreamKey key(Handle h, StreamKeyRow row) {
        return new StreamKey(row.arn(), row.value(), row.channelArn(), tags.tags(h, row.arn()));
    }

    private static void validateKeyArn(String field, @Nullable String arn) {
        new Validation()
                .required(field, arn)
                .length(field, arn, 1, 128)
                .pattern(field, arn, STREAM_KEY_ARN)
                .throwIfInvalid();
    }

    static ResourceNotFoundException notFound(String message, String arn, String type) {
        return new ResourceNotFoundException(message, arn.substring(arn.lastIndexOf('/') + 1), type);
    }
}
