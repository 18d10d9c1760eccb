package dev.streamcat.media.hls;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable view of one stream's LL-HLS state at one instant: everything needed to render the
 * playlists and serve every media resource. Published by {@link HlsPackager} after each part.
 *
 * <p>Thread-safe (deeply immutable; byte views are read-only).
 *
 * @param config the packaging configuration
 * @param inits init sections still referenced
 * @param segments complete segments listed in the playlist, oldest first
 * @param retired segments removed from the playlist but still downloadable (§6.2.2)
 * @param open the segment in progress; empty after the end of the stream
 * @param ended whether EXT-X-ENDLIST is present
 * @param discontinuitySequence EXT-X-DISCONTINUITY-SEQUENCE
 * @param info codecs, resolution and bandwidth for the multivariant playlist
 */
public record PlaylistSnapshot(
        HlsConfig config,
        List<InitSection> inits,
        List<Segment> segments,
        List<Segment> retired,
        Optional<OpenSegment> open,
        boolean ended,
        long discontinuitySequence,
        StreamInfo info) {

    public PlaylistSnapshot {
        inits = List.copyOf(inits);
        segments = List.copyOf(segments);
        retired = List.copyOf(retired);
    }

    /** The state before any media: no init, nothing to list. */
    public static PlaylistSnapshot empty(HlsConfig config) {
        return new PlaylistSnapshot(
                config,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                false,
                0,
                new StreamInfo(List.of(), Optional.empty(), java.util.OptionalDouble.empty(), 0, 0));
    }

    /** Whether there is something to play: an init section and at least one part. */
    public boolean ready() {
        return !inits.isEmpty()
                && (!segments.isEmpty() || open.map(o -> !o.parts().isEmpty()).orElse(false));
    }

    /** EXT-X-MEDIA-SEQUENCE: the first listed segment, or the open one when none is complete. */
    public long mediaSequence() {
        if (!segments.isEmpty()) {
            return segments.getFirst().msn();
        }
        return open.map(OpenSegment::msn).orElse(0L);
    }

    /** The newest published part, as (msn, index). */
    public Optional<BlockingTarget.PartReady> lastPart() {
        if (open.isPresent() && !open.get().parts().isEmpty()) {
            OpenSegment o = open.get();
            return Optional.of(new BlockingTarget.PartReady(o.msn(), o.parts().size() - 1));
        }
        if (!segments.isEmpty()) {
            Segment s = segments.getLast();
            return Optional.of(new BlockingTarget.PartReady(s.msn(), s.parts().size() - 1));
        }
        return Optional.empty();
    }

    /** Whether segment {@code msn} is complete (or older than the window). */
    public boolean segmentComplete(long msn) {
        if (!segments.isEmpty()) {
            return msn <= segments.getLast().msn();
        }
        return open.map(o -> msn < o.msn()).orElse(ended);
    }

    /**
     * Whether part {@code index} of {@code msn} is available; an index past the last part of a
     * complete segment means part 0 of the next one (§6.2.5.2).
     */
    public boolean partAvailable(long msn, int index) {
        if (ended) {
            return true;
        }
        Optional<Segment> complete = findSegment(msn);
        if (complete.isPresent()) {
            return index < complete.get().parts().size() || partAvailable(msn + 1, 0);
        }
        if (segmentComplete(msn)) {
            return true; // older than anything retained
        }
        return open.filter(o -> o.msn() == msn)
                .map(o -> index < o.parts().size())
                .orElse(false);
    }

    /** Whether a blocking target is satisfied by this snapshot. */
    public boolean satisfies(BlockingTarget target) {
        return switch (target) {
            case BlockingTarget.None n -> ready() || ended;
            case BlockingTarget.SegmentReady s -> ended || segmentComplete(s.msn());
            case BlockingTarget.PartReady p -> partAvailable(p.msn(), p.part());
        };
    }

    /** The segment with this msn, listed or retired. */
    public Optional<Segment> findSegment(long msn) {
        for (List<Segment> list : List.of(segments, retired)) {
            for (Segment s : list) {
                if (s.msn() == msn) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The part URI announced by EXT-X-PRELOAD-HINT, while live. */
    public Optional<String> preloadHint() {
        if (ended) {
            return Optional.empty();
        }
        return open.map(o -> HlsUris.part(o.msn(), o.parts().size()));
    }

    /**
     * The bytes of a media resource ({@link HlsUris} names), if retained. Empty means: 404, unless
     * the name is the {@link #preloadHint()}, which the engine must hold until it is published.
     */
    public Optional<ByteBuffer> resource(String name) {
        return resourceChunks(name).map(Segment::concat);
    }

    /**
     * {@link #resource} without a copy: fresh read-only views of the retained bytes, one for an init
     * section or a part, one per part for a segment. What the server writes to the network.
     */
    public Optional<List<ByteBuffer>> resourceChunks(String name) {
        return HlsUris.parse(name).flatMap(r -> switch (r) {
            case HlsUris.Resource.Init i ->
                inits.stream()
                        .filter(s -> s.version() == i.version())
                        .findFirst()
                        .map(init -> List.of(init.bytes()));
            case HlsUris.Resource.SegmentFile s -> findSegment(s.msn()).map(Segment::chunks);
            case HlsUris.Resource.PartFile p -> findPart(p.msn(), p.index()).map(part -> List.of(part.bytes()));
        });
    }

    private Optional<Part> findPart(long msn, int index) {
        Optional<List<Part>> parts = findSegment(msn).map(Segment::parts).or(() -> open.filter(o -> o.msn() == msn)
                .map(OpenSegment::parts));
        return parts.filter(p -> index >= 0 && index < p.size()).map(p -> p.get(index));
    }

    /** Total duration of the listed segments plus the open parts. */
    public Duration listedDuration() {
        Duration d = Duration.ZERO;
        for (Segment s : segments) {
            d = d.plus(s.duration());
        }
        for (Part p : open.map(OpenSegment::parts).orElse(List.of())) {
            d = d.plus(p.duration());
        }
        return d;
    }
}
