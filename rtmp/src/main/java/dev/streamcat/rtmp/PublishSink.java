package dev.streamcat.rtmp;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * Receives one accepted publish. Implemented by the engine.
 *
 * <p><b>Threading:</b> every method is called on the connection's Netty event loop, one at a time, in
 * this order: {@link #onStart} once, then {@link #onMetadata}, {@link #onVideo} and {@link #onAudio} in
 * arrival order, then {@link #onClose} exactly once. Do not block.
 *
 * <p><b>Buffer ownership:</b> the buffers passed to {@link #onVideo} and {@link #onAudio} are
 * <em>borrowed</em>: they are valid only during the call and the session releases them when the call
 * returns. A sink that keeps the bytes must {@code retain()} (or {@code retainedSlice()}) them and then
 * release what it retained. The reader index is at the start of the FLV tag body.
 *
 * <p><b>Timestamps</b> are the RTMP message timestamps in milliseconds, unsigned 32-bit values (they wrap
 * after about 49.7 days, RTMP 1.0 §5.3.1.2).
 *
 * <p>If a method throws, the publish is cut and {@link #onClose} gets {@link CloseReason.SinkFailed}.
 */
public interface PublishSink {

    /** The publish has started; {@code handle} lets the engine cut it. */
    default void onStart(PublishHandle handle) {}

    /**
     * Stream metadata from {@code @setDataFrame onMetaData} or {@code onMetaData}. Values are {@code
     * Double}, {@code Boolean}, {@code String}, {@code Map<String, Object>}, {@code List<Object>},
     * {@code java.time.Instant}, {@code byte[]}, {@code Integer} (AMF3) or {@link AmfNull}; the map is
     * unmodifiable.
     */
    void onMetadata(Map<String, Object> metadata);

    /** One FLV video tag body (FLV spec E.4.3, or E-RTMP {@code ExVideoTagHeader}); borrowed. */
    void onVideo(long timestampMs, ByteBuf flvVideoTagBody);

    /** One FLV audio tag body (FLV spec E.4.2, or E-RTMP {@code ExAudioTagHeader}); borrowed. */
    void onAudio(long timestampMs, ByteBuf flvAudioTagBody);

    /**
     * Read pacing: the lowest media timestamp (ms, as passed to {@link #onVideo}) whose message may make
     * the sink publish something. While the next such message is not due, the session lets the kernel
     * collect the bytes and reads them in one batch shortly before it is, instead of waking for every
     * message. {@link Long#MIN_VALUE}, the default, turns pacing off: every message is read as soon as
     * it arrives. Asked after each batch of reads; must be cheap.
     */
    default long urgentFromMs() {
        return Long.MIN_VALUE;
    }

    /** The publish has ended; nothing is called after this. */
    void onClose(CloseReason reason);
}
