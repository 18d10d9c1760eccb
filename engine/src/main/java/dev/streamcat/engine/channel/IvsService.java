package dev.streamcat.engine.channel;

import dev.streamcat.api.ivs.*;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import dev.streamcat.engine.resource.Arn;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.tag.TagOperations;
import dev.streamcat.engine.tag.TagStore;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The engine's in-process implementation of the IVS control API. Blocking (database); thread-safe.
 */
public final class IvsService implements Ivs {
    private final ChannelOperations channels;
    private final StreamKeyOperations keys;
    private final RecordingConfigurationOperations recordings;
    private final TagOperations tagOperations;
    private final StreamOperations streams;

    /** A service whose channels are never live (no ingest). */
    public IvsService(Jdbi jdbi, EngineIdentity identity, LiveChannels live, Clock clock) {
        this(jdbi, identity, live instanceof LiveStreams streams ? streams : LiveStreams.withoutStreams(live), clock);
    }

    /** A service over the engine's live stream state. */
    public IvsService(Jdbi jdbi, EngineIdentity identity, LiveStreams live, Clock clock) {
        ChannelStore store = new ChannelStore();
        TagStore tags = new TagStore();
        this.keys = new StreamKeyOperations(jdbi, store, tags, identity, clock);
        this.recordings = new RecordingConfigurationOperations(jdbi, store, tags, identity, clock);
        this.channels = new ChannelOperations(jdbi, store, tags, keys, recordings, identity, live, clock);
        this.tagOperations = new TagOperations(IvsConstraints.SERVICE, jdbi, tags, this::tagged, "CHANNEL");
        this.streams = new StreamOperations(jdbi, channels, live);
    }

    /** The ARN of the channel a stream key value belongs to; empty for unknown or deleted keys. */
    public Optional<String> channelArnOfStreamKey(String streamKeyValue) {
        return keys.channelArnOfKey(streamKeyValue);
    }

    private boolean tagged(Handle h, Arn arn) {
        String text = arn.toString();
        return switch (arn.resourceType()) {
            case "channel" -> channels.exists(h, text);
            case "stream-key" -> keys.exists(h, text);
            case "recording-configuration" -> recordings.exists(h, text);
            default -> false;
        };
    }

    @Override
    public CreateChannelResponse createChannel(CreateChannelRequest request) {
        return channels.create(request);
    }

    @Override
    public GetChannelResponse getChannel(GetChannelRequest request) {
        return channels.get(request);
    }

    @Override
    public BatchGetChannelResponse batchGetChannel(BatchGetChannelRequest request) {
        return channels.batchGet(request);
    }

    @Override
    public ListChannelsResponse listChannels(ListChannelsRequest request) {
        return channels.list(request);
    }

    @Override
    public UpdateChannelResponse updateChannel(UpdateChannelRequest request) {
        return channels.update(request);
    }

    @Override
    public void deleteChannel(DeleteChannelRequest request) {
        channels.delete(request);
    }

    @Override
    public CreateStreamKeyResponse createStreamKey(CreateStreamKeyRequest request) {
        return keys.create(request);
    }

    @Override
    public GetStreamKeyResponse getStreamKey(GetStreamKeyRequest request) {
        return keys.get(request);
    }

    @Override
    public BatchGetStreamKeyResponse batchGetStreamKey(BatchGetStreamKeyRequest request) {
        return keys.batchGet(request);
    }

    @Override
    public ListStreamKeysResponse listStreamKeys(ListStreamKeysRequest request) {
        return keys.list(request);
    }

    @Override
    public void deleteStreamKey(DeleteStreamKeyRequest request) {
        keys.delete(request);
    }

    @Override
    public CreateRecordingConfigurationResponse createRecordingConfiguration(
            CreateRecordingConfigurationRequest request) {
        return recordings.create(request);
    }

    @Override
    public GetRecordingConfigurationResponse getRecordingConfiguration(GetRecordingConfigurationRequest request) {
        return recordings.get(request);
    }

    @Override
    public ListRecordingConfigurationsResponse listRecordingConfigurations(ListRecordingConfigurationsRequest request) {
        return recordings.list(request);
    }

    @Override
    public void deleteRecordingConfiguration(DeleteRecordingConfigurationRequest request) {
        recordings.delete(request);
    }

    @Override
    public void tagResource(TagResourceRequest request) {
        tagOperations.tagResource(request);
    }

    @Override
    public void untagResource(UntagResourceRequest request) {
        tagOperations.untagResource(request);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return tagOperations.listTagsForResource(request);
    }

    @Override
    public GetStreamResponse getStream(GetStreamRequest request) {
        return streams.get(request);
    }

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        return streams.list(request);
    }

    @Override
    public void stopStream(StopStreamRequest request) {
        streams.stop(request);
    }

    @Override
    public void putMetadata(PutMetadataRequest request) {
        streams.putMetadata(request);
    }

    @Override
    public GetStreamSessionResponse getStreamSession(GetStreamSessionRequest request) {
        return streams.getSession(request);
    }

    @Override
    public ListStreamSessionsResponse listStreamSessions(ListStreamSessionsRequest request) {
        return streams.listSessions(request);
    }
}
