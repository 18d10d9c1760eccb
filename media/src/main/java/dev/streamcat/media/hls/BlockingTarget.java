package dev.streamcat.media.hls;

/** What a playlist request waits for (§6.2.5.2 "Blocking Playlist Reload"). Immutable. */
public sealed interface BlockingTarget {
    /** No directive: serve the current playlist. */
    record None() implements BlockingTarget {}

    /** {@code _HLS_msn=M}: wait until segment M is complete. */
    record SegmentReady(long msn) implements BlockingTarget {}

    /** {@code _HLS_msn=M&_HLS_part=N}: wait until part N of segment M exists. */
    record PartReady(long msn, int part) implements BlockingTarget {}
}
