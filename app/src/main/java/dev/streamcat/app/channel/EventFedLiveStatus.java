package dev.streamcat.app.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LiveStatus} built from the stream events themselves, for as long as the {@code Ivs}
 * interface has no {@code getStream}/{@code listStreams}. With the engine in the same process this
 * is exact: a restart drops every RTMP session, and the map starts empty. It knows no viewer counts
 * (always 0). Thread-safe; non-blocking.
 */
public final class EventFedLiveStatus implements LiveStatus, StreamEvents {
    private final Map<String, LiveStream> onAir = new ConcurrentHashMap<>();

    @Override
    public void onStreamStateChange(StreamStateChange event) {
        switch (event.eventName()) {
            case STREAM_START ->
                onAir.put(
                        event.channelArn(),
                        new LiveStream(event.channelArn(), event.streamId(), event.time(), 0, "HEALTHY"));
            case STREAM_END ->
                onAir.computeIfPresent(
                        event.channelArn(), (arn, s) -> s.streamId().equals(event.streamId()) ? null : s);
            case STREAM_FAILURE, SESSION_CREATED, SESSION_ENDED -> {
                // Not a change of on-air state.
            }
        }
    }

    @Override
    public Optional<LiveStream> stream(String channelArn) {
        return Optional.ofNullable(onAir.get(channelArn));
    }

    @Override
    public List<LiveStream> streams() {
        return List.copyOf(onAir.values());
    }
}
