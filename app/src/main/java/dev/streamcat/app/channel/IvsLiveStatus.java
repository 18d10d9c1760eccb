package dev.streamcat.app.channel;

import dev.streamcat.api.ChannelNotBroadcastingException;
import dev.streamcat.api.ivs.GetStreamRequest;
import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivs.ListStreamsRequest;
import dev.streamcat.api.ivs.ListStreamsResponse;
import dev.streamcat.api.ivs.Stream;
import dev.streamcat.api.ivs.StreamSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link LiveStatus} through the IVS API: {@code GetStream} ({@code ChannelNotBroadcasting} means
 * offline) and {@code ListStreams} (all pages). Works the same against the in-process engine, a
 * remote StreamCat engine, or Amazon IVS. Thread-safe; blocking: call from worker threads.
 */
public final class IvsLiveStatus implements LiveStatus {
    private final Ivs ivs;

    public IvsLiveStatus(Ivs ivs) {
        this.ivs = ivs;
    }

    @Override
    public Optional<LiveStream> stream(String channelArn) {
        try {
            Stream s = ivs.getStream(new GetStreamRequest(channelArn)).stream();
            return Optional.of(
                    new LiveStream(s.channelArn(), s.streamId(), s.startTime(), s.viewerCount(), s.health()));
        } catch (ChannelNotBroadcastingException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<LiveStream> streams() {
        List<LiveStream> all = new ArrayList<>();
        @Nullable String next = null;
        do {
            ListStreamsResponse page = ivs.listStreams(new ListStreamsRequest(null, next, 100));
            for (StreamSummary s : page.streams()) {
                all.add(new LiveStream(s.channelArn(), s.streamId(), s.startTime(), s.viewerCount(), s.health()));
            }
            next = page.nextToken();
        } while (next != null);
        return all;
    }
}
