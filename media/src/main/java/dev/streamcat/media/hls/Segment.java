package dev.streamcat.media.hls;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A complete media segment. Its bytes are exactly the concatenation of its parts' bytes; the parts
 * are views into the same memory.
 *
 * @param msn media sequence number
 * @param duration EXTINF duration
 * @param programDateTime wall-clock time of the first sample (EXT-X-PROGRAM-DATE-TIME)
 * @param discontinuity whether EXT-X-DISCONTINUITY precedes it (codec configuration change)
 * @param initVersion the init segment it needs ({@link HlsUris#init(int)})
 * @param independent whether it starts with a keyframe
 * @param parts its parts in order
 * @param bytes the segment bytes, read-only
 */
public record Segment(
        long msn,
        Duration duration,
        Instant programDateTime,
        boolean discontinuity,
        int initVersion,
        boolean independent,
        List<Part> parts,
        ByteBuffer bytes) {

    public Segment {
        parts = List.copyOf(parts);
        bytes = bytes.asReadOnlyBuffer();
    }

    /** A fresh read-only view of the bytes. */
    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    public int size() {
        return bytes.remaining();
    }

    public String uri() {
        return HlsUris.segment(msn);
    }
}
