package dev.streamcat.media.hls;

import dev.streamcat.media.codec.Resolution;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bounded, mutable playlist state behind the snapshots: init sections, listed and retired
 * segments, and the parts of the open segment. Segments are listed while they fit in {@link
 * HlsConfig#playlistWindow()}, then kept downloadable ("retired") for another window plus one
 * target duration (§6.2.2: a removed segment stays available for its duration plus the longest
 * playlist that contained it), then dropped.
 *
 * <p>Not thread-safe: confined to the packager's (ingest) thread; it hands out immutable snapshots.
 */
final class SegmentWindow {
    private final HlsConfig config;
    private final List<InitSection> inits = new ArrayList<>();
    private final Deque<Segment> listed = new ArrayDeque<>();
    private final Deque<Segment> retired = new ArrayDeque<>();
    private final List<Part> openParts = new ArrayList<>();
    private long nextMsn;
    private int openInitVersion;
    private boolean openDiscontinuity;
    private boolean openIndependent;
    private Instant openProgramDateTime = Instant.EPOCH;
    private Duration openDuration = Duration.ZERO;
    private long discontinuitySequence;
    private boolean ended;
    private List<String> codecs = List.of();
    private Optional<Resolution> resolution = Optional.empty();
    private OptionalDouble frameRate = OptionalDouble.empty();
    private long bandwidthHint;
    // What snapshots share until the segments change (at most once per segment, not once per part).
    private List<Segment> listedView = List.of();
    private List<Segment> retiredView = List.of();
    private long listedPeakBandwidth;
    private long listedAverageBandwidth;

    SegmentWindow(HlsConfig config) {
        this.config = config;
    }

    void addInit(int version, byte[] bytes, boolean discontinuity) {
        inits.add(new InitSection(version, ByteBuffer.wrap(bytes)));
        openInitVersion = version;
        openDiscontinuity |= discontinuity;
    }

    void describe(List<String> codecs, Optional<Resolution> resolution, OptionalDouble frameRate, long hint) {
        this.codecs = List.copyOf(codecs);
        this.resolution = resolution;
        this.frameRate = frameRate;
        this.bandwidthHint = hint;
    }

    boolean hasOpenParts() {
        return !openParts.isEmpty();
    }

    /** Appends a part to the open segment; the first part fixes the segment's program date time. */
    Part addPart(byte[] bytes, Duration duration, boolean independent, Instant programDateTime) {
        if (openParts.isEmpty()) {
            openProgramDateTime = programDateTime;
            openIndependent = independent;
        }
        Part part = new Part(nextMsn, openParts.size(), duration, independent, ByteBuffer.wrap(bytes));
        openParts.add(part);
        openDuration = openDuration.plus(duration);
        return part;
    }

    /** Completes the open segment; it is served from its parts' bytes, never copied. */
    void closeSegment() {
        if (openParts.isEmpty()) {
            return;
        }
        listed.addLast(new Segment(
                nextMsn,
                openDuration,
                openProgramDateTime,
                openDiscontinuity,
                openInitVersion,
                openIndependent,
                openParts));
        nextMsn++;
        openParts.clear();
        openDuration = Duration.ZERO;
        openDiscontinuity = false;
        evict();
        refreshViews();
    }

    private void evict() {
        Duration window = config.playlistWindow();
        while (listed.size() > 1
                && sum(listed).minus(listed.getFirst().duration()).compareTo(window) >= 0) {
            Segment gone = listed.removeFirst();
            if (gone.discontinuity()) {
                discontinuitySequence++;
            }
            retired.addLast(gone);
        }
        Duration keep = window.plus(config.targetDuration());
        while (!retired.isEmpty()
                && sum(retired).minus(retired.getFirst().duration()).compareTo(keep) >= 0) {
            retired.removeFirst();
        }
        int oldestVersion = !retired.isEmpty()
                ? retired.getFirst().initVersion()
                : !listed.isEmpty() ? listed.getFirst().initVersion() : openInitVersion;
        inits.removeIf(i -> i.version() < oldestVersion);
    }

    /** Rebuilds what snapshots share after the segments changed. */
    private void refreshViews() {
        listedView = List.copyOf(listed);
        retiredView = List.copyOf(retired);
        listedPeakBandwidth = 0;
        long bytes = 0;
        Duration d = Duration.ZERO;
        for (Segment seg : listed) {
            long size = seg.size();
            listedPeakBandwidth = Math.max(listedPeakBandwidth, bitsPerSecond(size, seg.duration()));
            bytes += size;
            d = d.plus(seg.duration());
        }
        listedAverageBandwidth = bytes == 0 ? 0 : bitsPerSecond(bytes, d);
    }

    private static Duration sum(Deque<Segment> segments) {
        Duration d = Duration.ZERO;
        for (Segment s : segments) {
            d = d.plus(s.duration());
        }
        return d;
    }

    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    PlaylistSnapshot snapshot() {
        Optional<OpenSegment> open = ended
                ? Optional.empty()
                : Optional.of(new OpenSegment(nextMsn, openInitVersion, openDiscontinuity, openParts));
        return new PlaylistSnapshot(
                config,
                inits,
                listedView,
                retiredView,
                open,
                ended,
                discontinuitySequence,
                new StreamInfo(codecs, resolution, frameRate, peakBandwidth(), listedAverageBandwidth));
    }

    private long peakBandwidth() {
        long peak = listedPeakBandwidth;
        if (peak == 0) {
            long openBits = 0;
            for (Part p : openParts) {
                openBits += p.size();
            }
            peak = openParts.isEmpty() ? 0 : bitsPerSecond(openBits, openDuration) * 12 / 10;
        }
        if (peak == 0) {
            peak = bandwidthHint > 0 ? bandwidthHint : 2_000_000;
        }
        return peak * 11 / 10;
    }

    private static long bitsPerSecond(long bytes, Duration d) {
        long nanos = Math.max(1, d.toNanos());
        return (long) (bytes * 8 * 1e9 / nanos);
    }
}
