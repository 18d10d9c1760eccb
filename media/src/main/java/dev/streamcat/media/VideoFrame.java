package dev.streamcat.media;

import java.util.Objects;

/**
 * A video access unit.
 *
 * @param codec the codec of the sample data
 * @param dtsMs decode timestamp, milliseconds
 * @param compositionOffsetMs presentation minus decode time, milliseconds (non-zero with B-frames;
 *     FLV's signed 24-bit CompositionTime)
 * @param keyframe whether this is a random access point (IDR / IRAP / AV1 key frame)
 * @param data the sample: length-prefixed NAL units for AVC/HEVC (AVCC/HVCC form, length size from
 *     the decoder configuration record), low-overhead OBUs for AV1
 */
public record VideoFrame(VideoCodec codec, long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] data)
        implements MediaFrame {

    public VideoFrame {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public long ptsMs() {
        return dtsMs + compositionOffsetMs;
    }

    @Override
    public String toString() {
        return "VideoFrame[" + codec + " dts=" + dtsMs + " cto=" + compositionOffsetMs + " key=" + keyframe + " size="
                + data.length + "]";
    }
}
