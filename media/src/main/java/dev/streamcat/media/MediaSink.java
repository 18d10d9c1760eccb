package dev.streamcat.media;

import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.VideoConfig;
import java.util.Map;

/**
 * Receives the media of one stream, in publish order: {@link #onStart()}, then configurations,
 * frames and metadata interleaved, then {@link #onEnd()}.
 *
 * <p>Threading: every call for one stream comes from one thread (the ingest event loop of the
 * publisher). Implementations run inline on that thread, so they must be cheap and never block.
 */
public interface MediaSink {
    /** The publisher started a stream. */
    default void onStart() {}

    /** A video decoder configuration (sequence header) arrived; it applies to the following frames. */
    default void onVideoConfig(VideoConfig config) {}

    /** An audio decoder configuration arrived; it applies to the following frames. */
    default void onAudioConfig(AudioConfig config) {}

    /** A compressed frame. */
    void onFrame(MediaFrame frame);

    /** Stream metadata ({@code @setDataFrame onMetaData}); values are AMF-decoded Java objects. */
    default void onMetadata(Map<String, Object> metadata) {}

    /** The publisher stopped; no more calls follow for this stream. */
    default void onEnd() {}

    /**
     * Read pacing: the lowest frame timestamp (decode time, ms, the publisher's timeline) whose
     * arrival may make this sink publish something. Frames below it only fill what is already being
     * built, so the ingest may hand them over later, in one batch, without delaying anything a viewer
     * sees. {@link Long#MIN_VALUE}, the default, asks for every frame as soon as it arrives; {@link
     * Long#MAX_VALUE} says no frame is urgent. Asked on the ingest thread after frames; must be cheap.
     */
    default long urgentFromMs() {
        return Long.MIN_VALUE;
    }
}
