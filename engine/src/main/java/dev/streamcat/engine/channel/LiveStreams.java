package dev.streamcat.engine.channel;

import dev.streamcat.api.ivs.Stream;
import dev.streamcat.api.ivs.StreamSession;
import dev.streamcat.api.ivs.StreamSessionSummary;
import dev.streamcat.api.ivs.StreamSummary;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stream state the control API reads and acts on ({@code GetStream}, {@code StopStream}, {@code
 * PutMetadata}, sessions). The caller has validated the request and checked that the channel exists.
 *
 * <p>Implementations are thread-safe; the session methods may block (database).
 */
public interface LiveStreams extends LiveChannels {
    /** Nothing is ever live and no session was ever recorded: for an engine without ingest. */
    LiveStreams NONE = withoutStreams(LiveChannels.NONE);

    /** Live state from {@code live}, but no stream details and no sessions. */
    static LiveStreams withoutStreams(LiveChannels live) {
        return new LiveStreams() {
            @Override
            public boolean isLive(String channelArn) {
                return live.isLive(channelArn);
            }

            @Override
            public Optional<Stream> stream(String channelArn) {
                return Optional.empty();
            }

            @Override
            public List<StreamSummary> streams() {
                return List.of();
            }

            @Override
            public boolean stop(String channelArn) {
                return false;
            }

            @Override
            public boolean putMetadata(String channelArn, String metadata) {
                return false;
            }

            @Override
            public Optional<StreamSession> session(String channelArn, @Nullable String streamId) {
                return Optional.empty();
            }

            @Override
            public List<StreamSessionSummary> sessions(String channelArn, @Nullable String afterKey, int limit) {
                return List.of();
            }
        };
    }

    /** The live stream of a channel. */
    Optional<Stream> stream(String channelArn);

    /** Every live stream, ordered by channel ARN. */
    List<StreamSummary> streams();

    /** Cuts the channel's publisher; false when the channel is not live. */
    boolean stop(String channelArn);

    /**
     * Queues timed metadata into the live stream; false when the channel is not live.
     *
     * @throws IllegalStateException when too much metadata is already queued
     */
    boolean putMetadata(String channelArn, String metadata);

    /** A session of the channel: {@code streamId}, or the latest one when null. */
    Optional<StreamSession> session(String channelArn, @Nullable String streamId);

    /**
     * Sessions of the channel, newest first, starting after the one whose {@link #sessionKey} is
     * {@code afterKey} (from the start when null).
     */
    List<StreamSessionSummary> sessions(String channelArn, @Nullable String afterKey, int limit);

    /** The page key of a session summary, for {@code nextToken}. */
    static String sessionKey(StreamSessionSummary summary) {
        return summary.startTime().toEpochMilli() + ":" + summary.streamId();
    }
}
