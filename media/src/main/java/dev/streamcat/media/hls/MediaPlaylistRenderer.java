package dev.streamcat.media.hls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders an LL-HLS media playlist from a {@link PlaylistSnapshot} (draft-pantos-hls-rfc8216bis
 * §4.4.3, §4.4.4.9 EXT-X-PART, §4.4.5.2 EXT-X-SKIP, §4.4.5.3 EXT-X-PRELOAD-HINT, §6.2.2 retention).
 *
 * <ul>
 *   <li>EXT-X-VERSION 9 (EXT-X-SKIP needs 9).
 *   <li>EXT-X-SERVER-CONTROL: CAN-BLOCK-RELOAD=YES, PART-HOLD-BACK = 3 × PART-TARGET, HOLD-BACK =
 *       3 × TARGETDURATION, CAN-SKIP-UNTIL = 6 × TARGETDURATION.
 *   <li>EXT-X-PART tags only for segments starting within 3 × TARGETDURATION of the end; older part
 *       files stay downloadable as long as their segment is retained.
 *   <li>A delta update skips whole segments that end more than CAN-SKIP-UNTIL before the end, never
 *       past a discontinuity.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class MediaPlaylistRenderer {
    private static final int VERSION = 9;

    private MediaPlaylistRenderer() {}

    /** The full playlist, or a delta update when {@code skip} is requested. */
    public static String render(PlaylistSnapshot s, boolean skip) {
        if (s.inits().isEmpty()) {
            throw new IllegalStateException("nothing published yet; check PlaylistSnapshot.ready()");
        }
        HlsConfig c = s.config();
        StringBuilder out = new StringBuilder(2048);
        out.append("#EXTM3U\n#EXT-X-VERSION:").append(VERSION).append('\n');
        out.append("#EXT-X-TARGETDURATION:").append(c.targetDurationSeconds()).append('\n');
        out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
                .append(seconds(c.partHoldBack()))
                .append(",HOLD-BACK=")
                .append(seconds(c.targetDuration().multipliedBy(3)))
                .append(",CAN-SKIP-UNTIL=")
                .append(seconds(c.skipBoundary()))
                .append('\n');
        out.append("#EXT-X-PART-INF:PART-TARGET=");
        appendSeconds(out, c.partTarget()).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(s.mediaSequence()).append('\n');
        if (s.discontinuitySequence() > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                    .append(s.discontinuitySequence())
                    .append('\n');
        }
        List<Segment> segments = s.segments();
        Duration total = s.listedDuration();
        int skipped = skip ? skippable(segments, total, c.skipBoundary()) : 0;
        if (skipped > 0) {
            out.append("#EXT-X-SKIP:SKIPPED-SEGMENTS=").append(skipped).append('\n');
        }
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < skipped; i++) {
            elapsed = elapsed.plus(segments.get(i).duration());
        }
        int initVersion = -1;
        for (int i = skipped; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            initVersion = header(out, seg.discontinuity(), seg.initVersion(), initVersion);
            out.append("#EXT-X-PROGRAM-DATE-TIME:");
            appendInstant(out, seg.programDateTime()).append('\n');
            if (total.minus(elapsed).compareTo(c.partListingWindow()) <= 0) {
                parts(out, seg.parts());
            }
            out.append("#EXTINF:");
            appendSeconds(out, seg.duration()).append(",\n");
            out.append(seg.uri()).append('\n');
            elapsed = elapsed.plus(seg.duration());
        }
        if (s.open().isPresent() && !s.open().get().parts().isEmpty()) {
            OpenSegment open = s.open().get();
            header(out, open.discontinuity(), open.initVersion(), initVersion);
            parts(out, open.parts());
        } else if (s.open().isPresent() && initVersion < 0) {
            header(out, false, s.open().get().initVersion(), initVersion);
        }
        s.preloadHint().ifPresent(uri -> out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"")
                .append(uri)
                .append("\"\n"));
        if (s.ended()) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    private static int header(StringBuilder out, boolean discontinuity, int version, int current) {
        if (discontinuity) {
            out.append("#EXT-X-DISCONTINUITY\n");
        }
        if (version != current) {
            out.append("#EXT-X-MAP:URI=\"").append(HlsUris.init(version)).append("\"\n");
        }
        return version;
    }

    private static void parts(StringBuilder out, List<Part> parts) {
        for (Part p : parts) {
            out.append("#EXT-X-PART:DURATION=");
            appendSeconds(out, p.duration());
            out.append(",URI=\"").append(p.uri()).append('"');
            if (p.independent()) {
                out.append(",INDEPENDENT=YES");
            }
            out.append('\n');
        }
    }

    /** Leading segments that end more than the skip boundary before the end (§6.2.5.1). */
    static int skippable(List<Segment> segments, Duration total, Duration boundary) {
        Duration end = Duration.ZERO;
        int n = 0;
        for (Segment seg : segments) {
            end = end.plus(seg.duration());
            if (seg.discontinuity() || total.minus(end).compareTo(boundary) < 0) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Decimal seconds, rounded down to 5 places so a rendered duration never exceeds the real one. */
    static String seconds(Duration d) {
        return appendSeconds(new StringBuilder(12), d).toString();
    }

    /**
     * Appends {@link #seconds} without a formatter: a playlist has one duration per part and
     * segment, and is rendered for every blocking reload.
     */
    static StringBuilder appendSeconds(StringBuilder out, Duration d) {
        long tenMicros = Math.max(0, d.toNanos()) / 10_000;
        out.append(tenMicros / 100_000).append('.');
        int fraction = (int) (tenMicros % 100_000);
        int digits = 5;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        return appendPadded(out, fraction, digits);
    }

    /**
     * Appends what {@link DateTimeFormatter#ISO_INSTANT} prints (UTC, fraction in groups of three
     * digits, none when zero) for years 0 to 9999, without its formatter.
     */
    static StringBuilder appendInstant(StringBuilder out, Instant t) {
        LocalDateTime u = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (u.getYear() < 0 || u.getYear() > 9999) {
            return out.append(DateTimeFormatter.ISO_INSTANT.format(t));
        }
        appendPadded(out, u.getYear(), 4).append('-');
        appendPadded(out, u.getMonthValue(), 2).append('-');
        appendPadded(out, u.getDayOfMonth(), 2).append('T');
        appendPadded(out, u.getHour(), 2).append(':');
        appendPadded(out, u.getMinute(), 2).append(':');
        appendPadded(out, u.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                appendPadded(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                appendPadded(out, nanos / 1_000, 6);
            } else {
                appendPadded(out, nanos, 9);
            }
        }
        return out.append('Z');
    }

    /** Appends a non-negative {@code value} left-padded with zeros to {@code width} digits. */
    private static StringBuilder appendPadded(StringBuilder out, int value, int width) {
        for (int bound = 10, w = 1; w < width; w++, bound *= 10) {
            if (value < bound) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}
