package dev.streamcat.media.hls;

import java.util.Locale;

/**
 * Renders the multivariant playlist for the single rendition (draft-pantos-hls-rfc8216bis
 * §4.4.6.2 EXT-X-STREAM-INF: BANDWIDTH, AVERAGE-BANDWIDTH, CODECS, RESOLUTION, FRAME-RATE).
 *
 * <p>BANDWIDTH is the peak segment bit rate measured over the window (+10% margin for container
 * overhead variance); before the first complete segment it is estimated from the parts so far or
 * from {@code onMetaData} data rates, else 2 Mbit/s.
 *
 * <p>Stateless and thread-safe.
 */
public final class MultivariantPlaylistRenderer {
    private MultivariantPlaylistRenderer() {}

    public static String render(StreamInfo info, String mediaPlaylistUri) {
        StringBuilder out = new StringBuilder(256);
        out.append("#EXTM3U\n#EXT-X-VERSION:9\n");
        long peak = Math.max(1, info.peakBandwidth());
        long average = Math.max(1, Math.min(peak, info.averageBandwidth() > 0 ? info.averageBandwidth() : peak));
        out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(peak);
        out.append(",AVERAGE-BANDWIDTH=").append(average);
        if (!info.codecs().isEmpty()) {
            out.append(",CODECS=\"").append(String.join(",", info.codecs())).append('"');
        }
        info.resolution().ifPresent(r -> out.append(",RESOLUTION=").append(r));
        if (info.frameRate().isPresent()) {
            out.append(",FRAME-RATE=")
                    .append(String.format(Locale.ROOT, "%.3f", info.frameRate().getAsDouble()));
        }
        out.append('\n').append(mediaPlaylistUri).append('\n');
        return out.toString();
    }
}
