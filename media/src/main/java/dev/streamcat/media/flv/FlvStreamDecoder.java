package dev.streamcat.media.flv;

import dev.streamcat.media.MediaSink;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adapts the RTMP message callbacks of one publish session to a {@link MediaSink}: decodes each
 * tag body with {@link FlvTagDecoder} and forwards configurations and frames.
 *
 * <p>RTMP timestamps are unsigned 32-bit milliseconds; they are widened without sign extension.
 * Wrap-around after 2^32 ms (~49.7 days) is not handled.
 *
 * <p>Threading: confined to the ingest event loop of the session, like the sink it drives.
 */
public final class FlvStreamDecoder {
    private final MediaSink sink;

    public FlvStreamDecoder(MediaSink sink) {
        this.sink = sink;
    }

    /**
     * Handles a video message.
     *
     * @return what the tag was, so the caller can reject unsupported codecs or log
     * @throws dev.streamcat.media.MediaFormatException for a malformed body
     */
    public VideoTag onVideo(int timestampMs, byte[] body) {
        return onVideo(timestampMs, ByteBuffer.wrap(body));
    }

    /**
     * Handles a video message whose body lies between {@code body}'s position and limit; the buffer
     * is only read during the call (it may be borrowed) and its position is not changed.
     *
     * @return what the tag was
     * @throws dev.streamcat.media.MediaFormatException for a malformed body
     */
    public VideoTag onVideo(int timestampMs, ByteBuffer body) {
        VideoTag tag = FlvTagDecoder.decodeVideo(Integer.toUnsignedLong(timestampMs), body);
        switch (tag) {
            case VideoTag.Config c -> sink.onVideoConfig(c.config());
            case VideoTag.Frame f -> sink.onFrame(f.frame());
            case VideoTag.EndOfSequence e -> {}
            case VideoTag.Unsupported u -> {}
            case VideoTag.Ignored i -> {}
        }
        return tag;
    }

    /**
     * Handles an audio message.
     *
     * @return what the tag was
     * @throws dev.streamcat.media.MediaFormatException for a malformed body
     */
    public AudioTag onAudio(int timestampMs, byte[] body) {
        return onAudio(timestampMs, ByteBuffer.wrap(body));
    }

    /**
     * Handles an audio message whose body lies between {@code body}'s position and limit, as {@link
     * #onVideo(int, ByteBuffer)}.
     *
     * @return what the tag was
     * @throws dev.streamcat.media.MediaFormatException for a malformed body
     */
    public AudioTag onAudio(int timestampMs, ByteBuffer body) {
        AudioTag tag = FlvTagDecoder.decodeAudio(Integer.toUnsignedLong(timestampMs), body);
        switch (tag) {
            case AudioTag.Config c -> sink.onAudioConfig(c.config());
            case AudioTag.Frame f -> sink.onFrame(f.frame());
            case AudioTag.Unsupported u -> {}
            case AudioTag.Ignored i -> {}
        }
        return tag;
    }

    /** Forwards {@code onMetaData}. */
    public void onMetadata(Map<String, ? extends @Nullable Object> metadata) {
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key != null && value != null) { // AMF null values carry nothing
                copy.put(key, value);
            }
        });
        sink.onMetadata(Collections.unmodifiableMap(copy));
    }
}
