package dev.streamcat.app.channel;

import java.util.List;
import java.util.Optional;

/**
 * The engine's view of what is on air: IVS {@code GetStream} (with {@code
 * ChannelNotBroadcastingException} meaning empty) and {@code ListStreams}. The app's read model
 * ({@code is_live}, viewer counts) is reconciled against it at start-up and refreshed from it while
 * channels are live.
 *
 * <p>{@link IvsLiveStatus} is the implementation; tests use fakes. Implementations are thread-safe
 * and may block: call from worker threads.
 */
public interface LiveStatus {
    /** The stream on air on the channel, or empty when the channel is not broadcasting. */
    Optional<LiveStream> stream(String channelArn);

    /** Every stream on air. */
    List<LiveStream> streams();
}
