package dev.streamcat.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HlsPlaylistConformanceTest {
    private final HlsPackager packager =
            new HlsPackager(HlsConfig.defaults(), InstantSource.fixed(Instant.parse("2025-01-01T00:00:00Z")));

    private PlaylistSnapshot snapshot() {
        return packager.playlist().snapshot();
    }

    private List<Part> allParts(PlaylistSnapshot s) {
        List<Part> parts = new ArrayList<>();
        s.segments().forEach(seg -> parts.addAll(seg.parts()));
        s.open().ifPresent(o -> parts.addAll(o.parts()));
        return parts;
    }

    @Test
    void partsNeverExceedPartTargetAndKeepTheEightyFivePercentFloor() {
        new SyntheticStream(packager, 30).until(12);
        PlaylistSnapshot s = snapshot();
        Duration target = s.config().partTarget();
        for (Segment seg : s.segments()) {
            List<Part> parts = seg.parts();
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                assertThat(p.duration()).isLessThanOrEqualTo(target);
                if (!p.independent() && i < parts.size() - 1) {
                    assertThat(p.duration().toNanos()).isGreaterThanOrEqualTo(target.toNanos() * 85 / 100);
                }
            }
        }
    }

    @Test
    void closesSegmentsAtTheFirstKeyframeAfterTheTarget() {
        new SyntheticStream(packager, 30).until(9);
        List<Segment> segments = snapshot().segments();
        assertThat(segments).hasSize(4);
        segments.forEach(seg -> {
            assertThat(seg.duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(seg.independent()).isTrue();
            assertThat(seg.parts().getFirst().independent()).isTrue();
        });
        assertThat(segments.get(1).programDateTime()).isEqualTo(Instant.parse("2025-01-01T00:00:02Z"));
    }

    @Test
    void forceCutsSegmentsWhenTheGopIsLongerThanTheTargetDuration() {
        new SyntheticStream(packager, 150).until(16);
        for (Segment seg : snapshot().segments()) {
            assertThat(Math.round(seg.duration().toNanos() / 1e9)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void rendersServerControlPartInfAndPreloadHint() {
        new SyntheticStream(packager, 30).until(5);
        PlaylistSnapshot s = snapshot();
        String m3u8 = MediaPlaylistRenderer.render(s, false);
        assertThat(m3u8).startsWith("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:2\n");
        assertThat(m3u8)
                .contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.999,HOLD-BACK=6.0,"
                        + "CAN-SKIP-UNTIL=12.0\n")
                .contains("#EXT-X-PART-INF:PART-TARGET=0.333\n")
                .contains("#EXT-X-MAP:URI=\"init.mp4\"\n")
                .contains("#EXT-X-MEDIA-SEQUENCE:0\n")
                .contains("#EXT-X-PROGRAM-DATE-TIME:2025-01-01T00:00:00Z\n")
                .containsPattern("#EXT-X-PART:DURATION=0\\.3[0-9]*,URI=\"part0.0.m4s\",INDEPENDENT=YES\n")
                .contains("#EXTINF:2.0,\nseg0.m4s\n")
                .doesNotContain("#EXT-X-ENDLIST");
        String hint = s.preloadHint().orElseThrow();
        assertThat(m3u8).endsWith("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"" + hint + "\"\n");
        OpenSegment open = s.open().orElseThrow();
        assertThat(hint).isEqualTo(HlsUris.part(open.msn(), open.parts().size()));
        assertThat(s.config().partHoldBack())
                .isGreaterThanOrEqualTo(s.config().partTarget().multipliedBy(3));
    }

    @Test
    void listsPartsOnlyForSegmentsWithinThreeTargetDurations() {
        new SyntheticStream(packager, 30).until(16.1);
        PlaylistSnapshot s = snapshot();
        String m3u8 = MediaPlaylistRenderer.render(s, false);
        assertThat(m3u8).doesNotContain("part0.").doesNotContain("part4.").contains("part6.0.m4s");
        assertThat(s.resource("part0.3.m4s")).isPresent(); // still downloadable
    }

    @Test
    void deltaUpdateSkipsSegmentsOlderThanTheSkipBoundary() {
        new SyntheticStream(packager, 30).until(20.1);
        PlaylistSnapshot s = snapshot();
        String full = MediaPlaylistRenderer.render(s, false);
        String delta = MediaPlaylistRenderer.render(s, true);
        assertThat(full).doesNotContain("EXT-X-SKIP");
        assertThat(delta).contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=").contains("#EXT-X-VERSION:9");
        int skipped = Integer.parseInt(delta.replaceAll("(?s).*SKIPPED-SEGMENTS=(\\d+).*", "$1"));
        Duration kept = Duration.ZERO;
        for (int i = skipped; i < s.segments().size(); i++) {
            kept = kept.plus(s.segments().get(i).duration());
        }
        assertThat(kept).isGreaterThanOrEqualTo(s.config().skipBoundary().minus(Duration.ofSeconds(2)));
        assertThat(delta).doesNotContain("seg" + s.segments().getFirst().msn() + ".m4s");
    }

    @Test
    void evictsBeyondTheWindowButNeverBelowThreeTargetDurations() {
        new SyntheticStream(packager, 30).until(60);
        PlaylistSnapshot s = snapshot();
        Duration listed = Duration.ZERO;
        for (Segment seg : s.segments()) {
            listed = listed.plus(seg.duration());
        }
        assertThat(listed).isBetween(Duration.ofSeconds(6), s.config().playlistWindow());
        assertThat(s.mediaSequence()).isPositive();
        assertThat(s.retired()).isNotEmpty();
        assertThat(s.resource(s.retired().getFirst().uri())).isPresent();
        assertThat(s.resource("seg0.m4s")).isEmpty();
    }

    @Test
    void addsEndListAndDropsThePreloadHintAtTheEnd() {
        new SyntheticStream(packager, 30).until(3);
        packager.end();
        String m3u8 = MediaPlaylistRenderer.render(snapshot(), false);
        assertThat(m3u8).endsWith("#EXT-X-ENDLIST\n").doesNotContain("PRELOAD-HINT");
        assertThat(snapshot().segments()).hasSize(2);
    }

    @Test
    void answersBlockingReloadDirectives() {
        new SyntheticStream(packager, 30).until(3.1);
        PlaylistSnapshot s = snapshot();
        OpenSegment open = s.open().orElseThrow();
        long msn = open.msn();
        int last = open.parts().size() - 1;
        assertThat(BlockingReload.decide(s, Map.of("_HLS_part", "1"))).isInstanceOf(ReloadDecision.BadRequest.class);
        assertThat(BlockingReload.decide(s, Map.of("_HLS_msn", "x"))).isInstanceOf(ReloadDecision.BadRequest.class);
        assertThat(BlockingReload.decide(s, Map.of("_HLS_msn", String.valueOf(msn + 3))))
                .isInstanceOf(ReloadDecision.BadRequest.class);
        assertThat(BlockingReload.decide(s, Map.of("_HLS_msn", String.valueOf(msn + 2))))
                .isInstanceOf(ReloadDecision.Wait.class);
        int limit = s.config().advancePartLimit();
        assertThat(limit).isEqualTo(9);
        assertThat(decide(s, msn, last + limit + 1)).isInstanceOf(ReloadDecision.BadRequest.class);
        assertThat(decide(s, msn, last + limit)).isInstanceOf(ReloadDecision.Wait.class);
        assertThat(decide(s, msn, last)).isEqualTo(new ReloadDecision.Serve(false));
        assertThat(decide(s, msn - 1, 99)).isEqualTo(new ReloadDecision.Serve(false)); // = part 0 of msn
        assertThat(BlockingReload.decide(s, Map.of("_HLS_skip", "YES"))).isEqualTo(new ReloadDecision.Serve(true));
    }

    private static ReloadDecision decide(PlaylistSnapshot s, long msn, int part) {
        return BlockingReload.decide(s, Map.of("_HLS_msn", String.valueOf(msn), "_HLS_part", String.valueOf(part)));
    }

    @Test
    void ignoresDirectivesAfterEndList() {
        new SyntheticStream(packager, 30).until(3);
        packager.end();
        assertThat(BlockingReload.decide(snapshot(), Map.of("_HLS_msn", "1000", "_HLS_part", "50")))
                .isEqualTo(new ReloadDecision.Serve(false));
    }

    @Test
    void completesBlockingWaitWhenThePartIsPublished() {
        SyntheticStream stream = new SyntheticStream(packager, 30).until(1);
        OpenSegment open = snapshot().open().orElseThrow();
        CompletableFuture<PlaylistSnapshot> next = packager.playlist()
                .await(new BlockingTarget.PartReady(open.msn(), open.parts().size()));
        assertThat(next).isNotDone();
        stream.until(1.5);
        assertThat(next).isCompleted();
        assertThat(packager.playlist().waiting()).isZero();
    }

    @Test
    void insertsTimedMetadataAsEmsgInTheNextPart() {
        SyntheticStream stream = new SyntheticStream(packager, 30).until(1);
        int before = allParts(snapshot()).size();
        packager.addTimedMetadata("hello");
        stream.until(1.5);
        Part p = allParts(snapshot()).get(before);
        byte[] bytes = new byte[p.size()];
        p.bytes().get(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("\0\0").contains("emsg").contains("https://aomedia.org/emsg/ID3");
        assertThat(text).contains("ID3").contains("TXXX").contains("hello");
        assertThat(text.indexOf("emsg")).isLessThan(text.indexOf("moof"));
    }

    @Test
    void startsANewInitVersionAfterAConfigChange() {
        SyntheticStream stream = new SyntheticStream(packager, 30).until(3);
        packager.onAudioConfig(dev.streamcat.media.codec.AacConfig.parse(new byte[] {0x12, 0x10}));
        stream.until(6);
        String m3u8 = MediaPlaylistRenderer.render(snapshot(), false);
        assertThat(m3u8).contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-1.mp4\"");
        assertThat(snapshot().resource("init-1.mp4")).isPresent();
    }

    @Test
    void segmentBytesAreTheConcatenationOfItsParts() {
        new SyntheticStream(packager, 30).until(3);
        Segment seg = snapshot().segments().getFirst();
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (Part p : seg.parts()) {
            byte[] b = new byte[p.size()];
            p.bytes().get(b);
            joined.writeBytes(b);
        }
        byte[] all = new byte[seg.size()];
        seg.bytes().get(all);
        assertThat(joined.toByteArray()).isEqualTo(all);
    }

    @Test
    void rendersMultivariantPlaylist() {
        new SyntheticStream(packager, 30).until(5);
        String m = MultivariantPlaylistRenderer.render(snapshot().info(), HlsUris.MEDIA_PLAYLIST);
        assertThat(m)
                .matches("(?s)#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-STREAM-INF:BANDWIDTH=\\d+,AVERAGE-BANDWIDTH=\\d+,"
                        + "CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=30.000\nmedia.m3u8\n");
    }
}
