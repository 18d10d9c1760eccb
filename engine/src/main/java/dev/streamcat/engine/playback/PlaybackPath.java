package dev.streamcat.engine.playback;

import dev.streamcat.engine.resource.EngineIdentity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed playback path. Immutable.
 *
 * <pre>
 * /api/video/v1/&lt;region&gt;.&lt;account&gt;.channel.&lt;channelId&gt;.m3u8                     multivariant
 * /api/video/v1/&lt;region&gt;.&lt;account&gt;.channel.&lt;channelId&gt;/&lt;streamId&gt;/media.m3u8   media playlist
 * /api/video/v1/&lt;region&gt;.&lt;account&gt;.channel.&lt;channelId&gt;/&lt;streamId&gt;/&lt;file&gt;       init, segment, part
 * </pre>
 *
 * The stream id in the media paths makes every media URL unique to one publish, so media files are
 * immutable and a reconnecting publisher never collides with what players or CDNs hold.
 */
sealed interface PlaybackPath {
    String PREFIX = "/api/video/v1/";

    String channelId();

    record Multivariant(String channelId) implements PlaybackPath {}

    record Media(String channelId, String streamId, String name) implements PlaybackPath {}

    Pattern MULTIVARIANT = Pattern.compile("([a-z0-9-]+)\\.(\\d{12})\\.channel\\.([A-Za-z0-9]{12})\\.m3u8");
    Pattern MEDIA = Pattern.compile(
            "([a-z0-9-]+)\\.(\\d{12})\\.channel\\.([A-Za-z0-9]{12})/(st-[A-Za-z0-9]{23})/([A-Za-z0-9.-]{1,64})");

    /** Parses {@code path}; empty for anything that is not this engine's playback path. */
    static Optional<PlaybackPath> parse(String path, EngineIdentity identity) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        Matcher m = MULTIVARIANT.matcher(rest);
        if (m.matches()) {
            return ours(m, identity) ? Optional.of(new Multivariant(m.group(3))) : Optional.empty();
        }
        m = MEDIA.matcher(rest);
        if (m.matches() && ours(m, identity)) {
            return Optional.of(new Media(m.group(3), m.group(4), m.group(5)));
        }
        return Optional.empty();
    }

    /** The media playlist URI relative to the multivariant playlist. */
    static String mediaPlaylistUri(EngineIdentity identity, String channelId, String streamId, String name) {
        return identity.region() + "." + identity.accountId() + ".channel." + channelId + "/" + streamId + "/" + name;
    }

    private static boolean ours(Matcher m, EngineIdentity identity) {
        return m.group(1).equals(identity.region()) && m.group(2).equals(identity.accountId());
    }
}
