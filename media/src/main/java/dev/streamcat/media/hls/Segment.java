package dev.streamcat.media.hls;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete media segment. Its bytes are its parts' bytes back to back; it keeps no copy of its
 * own, so a segment costs no memory beyond its parts.
 *
 * @param msn media sequence number
 * @param duration EXTINF duration
 * @param programDateTime wall-clock time of the first sample (EXT-X-PROGRAM-DATE-TIME)
 * @param discontinuity whether EXT-X-DISCONTINUITY precedes it (codec configuration change)
 * @param initVersion the init segment it needs ({@link HlsUris#init(int)})
 * @param independent whether it starts with a keyframe
 * @param parts its parts in order
 */
public record Segment(
        long msn,
        Duration duration,
        Instant programDateTime,
        boolean discontinuity,
        int initVersion,
        boolean independent,
        List<Part> parts) {

    public Segment {
        parts = List.copyOf(parts);
    }

    /** Fresh read-only views of its parts' bytes, in order: the segment without a copy. */
    public List<ByteBuffer> chunks() {
        List<ByteBuffer> chunks = new ArrayList<>(parts.size());
        for (Part p : parts) {
            chunks.add(p.bytes());
        }
        return chunks;
    }

    /** The segment bytes (its parts concatenated), in a new read-only buffer for each call. */
    public ByteBuffer bytes() {
        return concat(chunks());
    }

    /** {@code chunks} back to back in one new read-only buffer; a single chunk is returned as it is. */
    static ByteBuffer concat(List<ByteBuffer> chunks) {
        if (chunks.size() == 1) {
            return chunks.getFirst();
        }
        ByteBuffer all = ByteBuffer.allocate(
                chunks.stream().mapToInt(ByteBuffer::remaining).sum());
        chunks.forEach(all::put);
        return all.flip().asReadOnlyBuffer();
    }

    public int size() {
        int size = 0;
        for (Part p : parts) {
            size += p.size();
        }
        return size;
    }

    public String uri() {
        return HlsUris.segment(msn);
    }
}
