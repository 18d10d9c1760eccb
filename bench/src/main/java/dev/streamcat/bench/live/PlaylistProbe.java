package dev.streamcat.bench.live;

import dev.streamcat.bench.LatencyHistogram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Watches one stream's media playlist and records, for every new part (LL-HLS, with blocking
 * reload) or segment (plain HLS, polled every {@code pollMillis}), how long after the publisher
 * sent its first and last video frame it became downloadable. Runs on the calling thread.
 */
final class PlaylistProbe {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as browsers over http://, and the same for both servers
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final RtmpPublisher publisher;
    private final boolean announce;
    final LatencyHistogram firstFrame = new LatencyHistogram();
    final LatencyHistogram lastFrame = new LatencyHistogram();
    private final Set<String> seen = new LinkedHashSet<>();
    /**
     * Media time of the stream's first frame minus the publisher's first timestamp: servers may
     * shift timestamps (nginx-rtmp does), so the first part or segment calibrates the mapping.
     */
    private Long offsetMs;

    /** @param announce print the calibration (one probe per run reports; the others only load the server) */
    PlaylistProbe(RtmpPublisher publisher, boolean announce) {
        this.publisher = publisher;
        this.announce = announce;
    }

    /** Follows a multivariant playlist to its first media playlist; returns the media playlist URI. */
    URI mediaPlaylist(URI playlist) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> r =
                    http.send(HttpRequest.newBuilder(playlist).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                List<String> lines = r.body().lines().toList();
                if (lines.stream().noneMatch(l -> l.startsWith("#EXT-X-STREAM-INF"))) return playlist;
                for (String line : lines) {
                    if (!line.isBlank() && !line.startsWith("#")) return playlist.resolve(line.trim());
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no playlist at " + playlist);
    }

    /** LL-HLS: blocking reloads for the next part until {@code endNanos}. */
    void followParts(URI media, long endNanos, int videoTrackId) throws Exception {
        long msn = -1;
        int part = -1;
        while (System.nanoTime() < endNanos) {
            String query = msn < 0 ? "" : "?_HLS_msn=" + msn + "&_HLS_part=" + (part + 1);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(media + query))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long ready = System.nanoTime();
            if (r.statusCode() != 200) {
                Thread.sleep(50);
                continue;
            }
            LlHlsPlaylist playlist = LlHlsPlaylist.parse(r.body());
            if (offsetMs == null && !playlist.parts().isEmpty()) {
                calibrate(MediaTimes.ofCmaf(
                        fetch(media.resolve(playlist.parts().getFirst().uri())), videoTrackId));
            }
            for (LlHlsPlaylist.PartRef p : playlist.parts()) {
                if (seen.add(p.uri()) && msn >= 0) {
                    byte[] bytes = http.send(
                                    HttpRequest.newBuilder(media.resolve(p.uri()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body();
                    MediaTimes.ofCmaf(bytes, videoTrackId).ifPresent(t -> record(t, ready));
                }
            }
            Optional<LlHlsPlaylist.PartRef> lastPart = playlist.parts().stream().reduce((a, b) -> b);
            if (lastPart.isPresent()) {
                msn = lastPart.get().msn();
                part = lastPart.get().index();
            } else {
                Thread.sleep(100);
            }
        }
    }

    /** Plain HLS: polls the playlist every {@code pollMillis} for new segments until {@code endNanos}. */
    void pollSegments(URI media, long endNanos, int pollMillis) throws Exception {
        boolean primed = false;
        while (System.nanoTime() < endNanos) {
            HttpResponse<String> r =
                    http.send(HttpRequest.newBuilder(media).build(), HttpResponse.BodyHandlers.ofString());
            long ready = System.nanoTime();
            if (r.statusCode() == 200) {
                for (String line : r.body().lines().toList()) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    if (offsetMs == null) calibrate(MediaTimes.ofTransportStream(fetch(media.resolve(line.trim()))));
                    if (seen.add(line.trim()) && primed) {
                        byte[] bytes = http.send(
                                        HttpRequest.newBuilder(media.resolve(line.trim()))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofByteArray())
                                .body();
                        MediaTimes.ofTransportStream(bytes).ifPresent(t -> record(t, ready));
                    }
                }
                primed = true;
            }
            Thread.sleep(pollMillis);
        }
    }

    private byte[] fetch(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private void calibrate(Optional<MediaTimes> first) {
        if (first.isPresent() && !publisher.videoSentAt.isEmpty()) {
            offsetMs = first.get().firstMs() - publisher.videoSentAt.firstKey();
            if (announce)
                System.out.printf(
                        "probe: media time offset %d ms (server timestamps minus publisher timestamps)%n", offsetMs);
        }
    }

    private void record(MediaTimes times, long readyNanos) {
        if (offsetMs == null) return;
        var first = publisher.videoSentAt.floorEntry(times.firstMs() - offsetMs);
        var last = publisher.videoSentAt.floorEntry(times.lastMs() - offsetMs);
        if (first != null && last != null) {
            firstFrame.record(readyNanos - first.getValue());
            lastFrame.record(readyNanos - last.getValue());
        }
    }
}
