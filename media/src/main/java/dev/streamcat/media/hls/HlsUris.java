package dev.streamcat.media.hls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource names, relative to the media playlist (the engine serves them under the channel path).
 * Stateless and thread-safe.
 */
public final class HlsUris {
    /** The multivariant playlist, named like IVS playback URLs. */
    public static final String MULTIVARIANT_PLAYLIST = "playlist.m3u8";

    public static final String MEDIA_PLAYLIST = "media.m3u8";

    /** First init segment; after a codec configuration change, {@code init-<version>.mp4}. */
    public static final String INIT = "init.mp4";

    private static final Pattern SEGMENT = Pattern.compile("seg(\\d{1,18})\\.m4s");
    private static final Pattern PART = Pattern.compile("part(\\d{1,18})\\.(\\d{1,4})\\.m4s");
    private static final Pattern INIT_VERSION = Pattern.compile("init-(\\d{1,9})\\.mp4");

    private HlsUris() {}

    public static String init(int version) {
        return version == 0 ? INIT : "init-" + version + ".mp4";
    }

    public static String segment(long msn) {
        return "seg" + msn + ".m4s";
    }

    public static String part(long msn, int index) {
        return "part" + msn + "." + index + ".m4s";
    }

    /** What a media resource name refers to. */
    public sealed interface Resource {
        record Init(int version) implements Resource {}

        record SegmentFile(long msn) implements Resource {}

        record PartFile(long msn, int index) implements Resource {}
    }

    /** Parses a media resource name; empty for anything else (a 404). */
    public static Optional<Resource> parse(String name) {
        if (name.equals(INIT)) {
            return Optional.of(new Resource.Init(0));
        }
        Matcher m = INIT_VERSION.matcher(name);
        if (m.matches()) {
            return Optional.of(new Resource.Init(Integer.parseInt(m.group(1))));
        }
        m = SEGMENT.matcher(name);
        if (m.matches()) {
            return Optional.of(new Resource.SegmentFile(Long.parseLong(m.group(1))));
        }
        m = PART.matcher(name);
        if (m.matches()) {
            return Optional.of(new Resource.PartFile(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }
}
