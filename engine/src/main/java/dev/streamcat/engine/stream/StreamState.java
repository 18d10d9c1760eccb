package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.AudioConfiguration;
import dev.streamcat.api.ivs.IngestConfiguration;
import dev.streamcat.api.ivs.IngestConfigurations;
import dev.streamcat.api.ivs.Stream;
import dev.streamcat.api.ivs.StreamSession;
import dev.streamcat.api.ivs.StreamSessionSummary;
import dev.streamcat.api.ivs.StreamSummary;
import dev.streamcat.api.ivs.VideoConfiguration;
import dev.streamcat.engine.channel.LiveStreams;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream.Builder;
import org.jspecify.annotations.Nullable;

/**
 * The engine's {@link LiveStreams}: live state from the {@link StreamRegistry}, sessions from the
 * {@link StreamSessionStore} (the measured ingest configuration of a live session comes from the
 * stream itself). Thread-safe; the session methods block.
 */
public final class StreamState implements LiveStreams {
    private static final String LIVE = "LIVE";

    private final StreamRegistry registry;
    private final StreamSessionStore store;

    public StreamState(StreamRegistry registry, SessionRecorder recorder) {
        this.registry = registry;
        this.store = recorder.store();
    }

    @Override
    public boolean isLive(String channelArn) {
        return registry.isLive(channelArn);
    }

    @Override
    public Optional<Stream> stream(String channelArn) {
        return registry.live(channelArn)
                .map(s -> new Stream(
                        channelArn,
                        s.streamId(),
                        s.channel().playbackUrl(),
                        s.startTime(),
                        LIVE,
                        s.health().name(),
                        s.viewerCount()));
    }

    @Override
    public List<StreamSummary> streams() {
        return registry.liveStreams().stream()
                .sorted(Comparator.comparing(LiveStream::channelArn))
                .map(s -> new StreamSummary(
                        s.channelArn(), s.streamId(), LIVE, s.health().name(), s.viewerCount(), s.startTime()))
                .toList();
    }

    @Override
    public boolean stop(String channelArn) {
        Optional<LiveStream> live = registry.live(channelArn);
        live.ifPresent(LiveStream::stop);
        return live.isPresent();
    }

    @Override
    public boolean putMetadata(String channelArn, String metadata) {
        Optional<LiveStream> live = registry.live(channelArn);
        if (live.isEmpty()) {
            return false;
        }
        try {
            live.get().putMetadata(metadata);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return true;
    }

    @Override
    public Optional<StreamSession> session(String channelArn, @Nullable String streamId) {
        return store.find(channelArn, streamId).map(row -> {
            IngestConfiguration ingest = registry.stream(row.streamId())
                    .filter(LiveStream::live)
                    .map(LiveStream::ingestConfiguration)
                    .orElse(row.ingest());
            return new StreamSession(
                    row.streamId(),
                    row.startTime(),
                    row.endTime(),
                    row.channel(),
                    ingest,
                    configurations(ingest),
                    null,
                    row.events());
        });
    }

    @Override
    public List<StreamSessionSummary> sessions(String channelArn, @Nullable String afterKey, int limit) {
        return store.list(channelArn, afterKey, limit);
    }

    private static IngestConfigurations configurations(IngestConfiguration ingest) {
        Builder<VideoConfiguration> video = java.util.stream.Stream.builder();
        Builder<AudioConfiguration> audio = java.util.stream.Stream.builder();
        if (ingest.video() != null) {
            video.add(ingest.video());
        }
        if (ingest.audio() != null) {
            audio.add(ingest.audio());
        }
        return new IngestConfigurations(video.build().toList(), audio.build().toList());
    }
}
