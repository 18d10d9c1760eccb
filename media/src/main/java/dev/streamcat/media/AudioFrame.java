package dev.streamcat.media;

import java.util.Objects;

/**
 * An audio access unit.
 *
 * @param codec the codec of the sample data
 * @param ptsMs presentation (= decode) timestamp, milliseconds
 * @param data one raw access unit (for AAC: no ADTS header)
 */
public record AudioFrame(AudioCodec codec, long ptsMs, byte[] data) implements MediaFrame {

    public AudioFrame {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public long dtsMs() {
        return ptsMs;
    }

    @Override
    public String toString() {
        return "AudioFrame[" + codec + " pts=" + ptsMs + " size=" + data.length + "]";
    }
}
