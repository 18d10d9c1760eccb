package dev.streamcat.engine.channel;

import static dev.streamcat.engine.channel.IvsConstraints.CHANNEL_ARN;

import dev.streamcat.api.ChannelNotBroadcastingException;
import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ThrottlingException;
import dev.streamcat.api.ivs.GetStreamRequest;
import dev.streamcat.api.ivs.GetStreamResponse;
import dev.streamcat.api.ivs.GetStreamSessionRequest;
import dev.streamcat.api.ivs.GetStreamSessionResponse;
import dev.streamcat.api.ivs.ListStreamSessionsRequest;
import dev.streamcat.api.ivs.ListStreamSessionsResponse;
import dev.streamcat.api.ivs.ListStreamsRequest;
import dev.streamcat.api.ivs.ListStreamsResponse;
import dev.streamcat.api.ivs.PutMetadataRequest;
import dev.streamcat.api.ivs.StopStreamRequest;
import dev.streamcat.api.ivs.StreamSessionSummary;
import dev.streamcat.api.ivs.StreamSummary;
import dev.streamcat.engine.resource.PageToken;
import dev.streamcat.engine.resource.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * GetStream, ListStreams, StopStream, PutMetadata, GetStreamSession, ListStreamSessions: validation,
 * channel existence and the IVS errors ({@code ChannelNotBroadcasting} for an offline channel),
 * over the {@link LiveStreams} state. Thread-safe; blocking (database).
 */
final class StreamOperations {
    static final int MAX_METADATA_BYTES = 1024;
    private static final Set<String> HEALTH = Set.of("HEALTHY", "STARVING", "UNKNOWN");
    private static final Pattern STREAM_ID = Pattern.compile("^st-[a-zA-Z0-9]{23}$");
    private static final int LIST_DEFAULT = 100;

    private final Jdbi jdbi;
    private final ChannelOperations channels;
    private final LiveStreams live;

    StreamOperations(Jdbi jdbi, ChannelOperations channels, LiveStreams live) {
        this.jdbi = jdbi;
        this.channels = channels;
        this.live = live;
    }

    GetStreamResponse get(GetStreamRequest r) {
        String arn = existingChannel(r.channelArn());
        return new GetStreamResponse(live.stream(arn).orElseThrow(() -> notBroadcasting(arn)));
    }

    ListStreamsResponse list(ListStreamsRequest r) {
        String health = r.filterBy() == null ? null : r.filterBy().health();
        new Validation()
                .oneOf("filterBy.health", health, HEALTH)
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, 100)
                .throwIfInvalid();
        String after = PageToken.decode(r.nextToken()).orElse("");
        int limit = PageToken.pageSize(r.maxResults(), LIST_DEFAULT);
        List<StreamSummary> matching = live.streams().stream()
                .filter(s -> health == null || s.health().equals(health))
                .filter(s -> s.channelArn().compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        List<StreamSummary> page = matching.subList(0, Math.min(limit, matching.size()));
        String next = matching.size() > limit ? PageToken.encode(page.getLast().channelArn()) : null;
        return new ListStreamsResponse(page, next);
    }

    void stop(StopStreamRequest r) {
        String arn = existingChannel(r.channelArn());
        if (!live.stop(arn)) {
            throw notBroadcasting(arn);
        }
    }

    void putMetadata(PutMetadataRequest r) {
        String metadata = r.metadata();
        int bytes = metadata == null ? 0 : metadata.getBytes(StandardCharsets.UTF_8).length;
        new Validation()
                .required("metadata", metadata)
                .check(
                        metadata == null || (bytes >= 1 && bytes <= MAX_METADATA_BYTES),
                        "metadata",
                        "Member must have length between 1 and 1024 bytes")
                .throwIfInvalid();
        String arn = existingChannel(r.channelArn());
        boolean delivered;
        try {
            delivered = live.putMetadata(arn, metadata == null ? "" : metadata);
        } catch (IllegalStateException e) {
            throw new ThrottlingException("Too much metadata queued for the stream", idOf(arn), "CHANNEL", 5);
        }
        if (!delivered) {
            throw notBroadcasting(arn);
        }
    }

    GetStreamSessionResponse getSession(GetStreamSessionRequest r) {
        new Validation().pattern("streamId", r.streamId(), STREAM_ID).throwIfInvalid();
        String arn = existingChannel(r.channelArn());
        return new GetStreamSessionResponse(live.session(arn, r.streamId())
                .orElseThrow(() -> new ResourceNotFoundException(
                        r.streamId() == null
                                ? "No stream session for channel " + arn
                                : "Stream session not found: " + r.streamId(),
                        r.streamId() == null ? idOf(arn) : r.streamId(),
                        "STREAM_SESSION")));
    }

    ListStreamSessionsResponse listSessions(ListStreamSessionsRequest r) {
        new Validation()
                .length("nextToken", r.nextToken(), 0, 1024)
                .range("maxResults", r.maxResults(), 1, 100)
                .throwIfInvalid();
        String arn = existingChannel(r.channelArn());
        String after = PageToken.decode(r.nextToken()).orElse(null);
        int limit = PageToken.pageSize(r.maxResults(), LIST_DEFAULT);
        List<StreamSessionSummary> rows = live.sessions(arn, after, limit + 1);
        List<StreamSessionSummary> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? PageToken.encode(LiveStreams.sessionKey(page.getLast())) : null;
        return new ListStreamSessionsResponse(page, next);
    }

    /** Validates {@code channelArn} and checks the channel exists (404 otherwise). */
    private String existingChannel(@Nullable String arn) {
        new Validation()
                .required("channelArn", arn)
                .length("channelArn", arn, 1, 128)
                .pattern("channelArn", arn, CHANNEL_ARN)
                .throwIfInvalid();
        String channelArn = arn == null ? "" : arn;
        jdbi.useHandle(h -> channels.existing(h, channelArn));
        return channelArn;
    }

    private static ChannelNotBroadcastingException notBroadcasting(String arn) {
        return new ChannelNotBroadcastingException("Channel is not broadcasting: " + arn);
    }

    private static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
