package dev.streamcat.app.testing;

import dev.streamcat.api.ChannelNotBroadcastingException;
import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ServiceUnavailableException;
import dev.streamcat.api.ivs.*;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link Ivs} with the operations the app uses; {@link #failCreateChannel} makes the
 * engine refuse a step. Thread-safe.
 */
public final class FakeIvs implements Ivs {
    public final Map<String, Channel> channels = new ConcurrentHashMap<>();
    public final Map<String, StreamKey> keys = new ConcurrentHashMap<>();
    /** Streams on air by channel ARN, as GetStream/ListStreams report them. */
    public final Map<String, Stream> live = new ConcurrentHashMap<>();

    public volatile boolean failCreateChannel;
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public CreateChannelResponse createChannel(CreateChannelRequest r) {
        if (failCreateChannel) {
            throw new ServiceUnavailableException("engine refused");
        }
        String id = String.format("ch%010d", ids.incrementAndGet());
        String arn = "arn:aws:ivs:us-east-1:000000000000:channel/" + id;
        Channel channel = new Channel(
                arn,
                Objects.requireNonNull(r.name()),
                r.latencyMode(),
                r.type(),
                "",
                "localhost",
                "http://localhost:8081/api/video/v1/" + id + ".m3u8",
                false,
                r.tags(),
                false,
                "",
                null,
                "",
                null,
                "TS",
                "");
        channels.put(arn, channel);
        StreamKey key = newKey(arn);
        return new CreateChannelResponse(channel, key);
    }

    private StreamKey newKey(String channelArn) {
        String id = String.format("sk%010d", ids.incrementAndGet());
        StreamKey key = new StreamKey(
                "arn:aws:ivs:us-east-1:000000000000:stream-key/" + id, "sk_us-east-1_" + id, channelArn, Map.of());
        keys.put(key.arn(), key);
        return key;
    }

    @Override
    public void deleteChannel(DeleteChannelRequest r) {
        if (channels.remove(r.arn()) == null) {
            throw new ResourceNotFoundException("no channel", String.valueOf(r.arn()), "CHANNEL");
        }
        keys.values().removeIf(k -> k.channelArn().equals(r.arn()));
    }

    @Override
    public CreateStreamKeyResponse createStreamKey(CreateStreamKeyRequest r) {
        return new CreateStreamKeyResponse(newKey(Objects.requireNonNull(r.channelArn())));
    }

    @Override
    public GetStreamKeyResponse getStreamKey(GetStreamKeyRequest r) {
        StreamKey key = keys.get(r.arn());
        if (key == null) {
            throw new ResourceNotFoundException("no key", String.valueOf(r.arn()), "STREAM_KEY");
        }
        return new GetStreamKeyResponse(key);
    }

    @Override
    public void deleteStreamKey(DeleteStreamKeyRequest r) {
        keys.remove(r.arn());
    }

    /** Puts a stream on air (what the engine does when a publisher connects). */
    public Stream goLive(String channelArn, String streamId, java.time.Instant start, long viewers) {
        Stream stream = new Stream(channelArn, streamId, "", start, "LIVE", "HEALTHY", viewers);
        live.put(channelArn, stream);
        return stream;
    }

    @Override
    public GetStreamResponse getStream(GetStreamRequest r) {
        Stream stream = live.get(r.channelArn());
        if (stream == null) {
            throw new ChannelNotBroadcastingException("not live");
        }
        return new GetStreamResponse(stream);
    }

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest r) {
        return new ListStreamsResponse(
                live.values().stream()
                        .map(s -> new StreamSummary(
                                s.channelArn(), s.streamId(), s.state(), s.health(), s.viewerCount(), s.startTime()))
                        .toList(),
                null);
    }

    @Override
    public void stopStream(StopStreamRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putMetadata(PutMetadataRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GetStreamSessionResponse getStreamSession(GetStreamSessionRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListStreamSessionsResponse listStreamSessions(ListStreamSessionsRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GetChannelResponse getChannel(GetChannelRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BatchGetChannelResponse batchGetChannel(BatchGetChannelRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListChannelsResponse listChannels(ListChannelsRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UpdateChannelResponse updateChannel(UpdateChannelRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BatchGetStreamKeyResponse batchGetStreamKey(BatchGetStreamKeyRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListStreamKeysResponse listStreamKeys(ListStreamKeysRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CreateRecordingConfigurationResponse createRecordingConfiguration(CreateRecordingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GetRecordingConfigurationResponse getRecordingConfiguration(GetRecordingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListRecordingConfigurationsResponse listRecordingConfigurations(ListRecordingConfigurationsRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteRecordingConfiguration(DeleteRecordingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void tagResource(TagResourceRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void untagResource(UntagResourceRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        throw new UnsupportedOperationException();
    }
}
