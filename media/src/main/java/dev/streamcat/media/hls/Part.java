package dev.streamcat.media.hls;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A published partial segment (EXT-X-PART): one CMAF chunk with video and audio muxed.
 *
 * @param msn media sequence number of the parent segment
 * @param index part index within the parent segment, from 0
 * @param duration media duration of the part (of the video track when there is one)
 * @param independent whether it starts with a keyframe (INDEPENDENT=YES)
 * @param bytes the chunk bytes, read-only
 */
public record Part(long msn, int index, Duration duration, boolean independent, ByteBuffer bytes) {
    public Part {
        bytes = bytes.asReadOnlyBuffer();
    }

    /** A fresh read-only view of the bytes (position 0); safe to consume. */
    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    public int size() {
        return bytes.remaining();
    }

    public String uri() {
        return HlsUris.part(msn, index);
    }
}
