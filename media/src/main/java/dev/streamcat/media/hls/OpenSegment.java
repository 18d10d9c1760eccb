package dev.streamcat.media.hls;

import java.util.List;

/**
 * The segment being produced: its parts so far (listed after the last EXTINF).
 *
 * @param msn its media sequence number
 * @param initVersion the init segment it needs
 * @param discontinuity whether it starts after a discontinuity
 * @param parts parts published so far
 */
public record OpenSegment(long msn, int initVersion, boolean discontinuity, List<Part> parts) {
    public OpenSegment {
        parts = List.copyOf(parts);
    }
}
