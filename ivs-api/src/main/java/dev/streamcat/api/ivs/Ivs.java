package dev.streamcat.api.ivs;

import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;

/**
 * The Amazon IVS (low-latency streaming) control API, operation for operation: same names, same
 * request and response shapes, same errors (subclasses of {@link dev.streamcat.api.AwsServiceException}).
 *
 * <p>Implementations may block (database, network): call them off event loops. Implementations
 * are thread-safe. StreamCat's engine implements it in process; an HTTP + SigV4 client against
 * StreamCat or Amazon IVS can implement it too, which is why the app depends only on this type.
 */
public interface Ivs {
    CreateChannelResponse createChannel(CreateChannelRequest request);

    GetChannelResponse getChannel(GetChannelRequest request);

    BatchGetChannelResponse batchGetChannel(BatchGetChannelRequest request);

    ListChannelsResponse listChannels(ListChannelsRequest request);

    UpdateChannelResponse updateChannel(UpdateChannelRequest request);

    void deleteChannel(DeleteChannelRequest request);

    CreateStreamKeyResponse createStreamKey(CreateStreamKeyRequest request);

    GetStreamKeyResponse getStreamKey(GetStreamKeyRequest request);

    BatchGetStreamKeyResponse batchGetStreamKey(BatchGetStreamKeyRequest request);

    ListStreamKeysResponse listStreamKeys(ListStreamKeysRequest request);

    void deleteStreamKey(DeleteStreamKeyRequest request);

    CreateRecordingConfigurationResponse createRecordingConfiguration(CreateRecordingConfigurationRequest request);

    GetRecordingConfigurationResponse getRecordingConfiguration(GetRecordingConfigurationRequest request);

    ListRecordingConfigurationsResponse listRecordingConfigurations(ListRecordingConfigurationsRequest request);

    void deleteRecordingConfiguration(DeleteRecordingConfigurationRequest request);

    void tagResource(TagResourceRequest request);

    void untagResource(UntagResourceRequest request);

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request);

    /** The live stream of a channel; {@code ChannelNotBroadcasting} when offline. */
    GetStreamResponse getStream(GetStreamRequest request);

    ListStreamsResponse listStreams(ListStreamsRequest request);

    /** Disconnects the channel's broadcaster; {@code ChannelNotBroadcasting} when offline. */
    void stopStream(StopStreamRequest request);

    /** Inserts timed metadata into the live stream; {@code ChannelNotBroadcasting} when offline. */
    void putMetadata(PutMetadataRequest request);

    GetStreamSessionResponse getStreamSession(GetStreamSessionRequest request);

    ListStreamSessionsResponse listStreamSessions(ListStreamSessionsRequest request);
}
