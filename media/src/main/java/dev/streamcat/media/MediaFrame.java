package dev.streamcat.media;

/**
 * One compressed access unit of one track. Timestamps are milliseconds on the publisher's clock.
 *
 * <p>Frames are immutable by contract: the {@code data} array is handed over by the producer and
 * must not be modified afterwards by anyone (it is not copied, to keep the ingest path cheap).
 */
public sealed interface MediaFrame permits VideoFrame, AudioFrame {
    /** Decode timestamp in milliseconds. */
    long dtsMs();

    /** Presentation timestamp in milliseconds. */
    long ptsMs();

    /** The sample bytes as stored in an MP4 sample. */
    byte[] data();
}
