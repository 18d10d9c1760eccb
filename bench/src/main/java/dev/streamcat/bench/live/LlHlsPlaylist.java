package dev.streamcat.bench.live;

import java.util.ArrayList;
import java.util.List;

/** The parts of an LL-HLS media playlist with the media sequence number each belongs to. */
record LlHlsPlaylist(List<PartRef> parts) {
    record PartRef(long msn, int index, String uri) {}

    static LlHlsPlaylist parse(String text) {
        long msn = 0;
        int index = 0;
        List<PartRef> parts = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                msn = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXT-X-SKIP:")) {
                String n = line.replaceAll(".*SKIPPED-SEGMENTS=([0-9]+).*", "$1");
                msn += Long.parseLong(n);
            } else if (line.startsWith("#EXT-X-PART:")) {
                String uri = line.replaceAll(".*URI=\"([^\"]+)\".*", "$1");
                parts.add(new PartRef(msn, index++, uri));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                msn++;
                index = 0;
            }
        }
        return new LlHlsPlaylist(parts);
    }
}
