package dev.streamcat.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.media.AudioCodec;
import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.VideoFrame;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HlsPackager#urgentFromMs()}: a frame below the mark must never publish anything (else read
 * pacing would delay a part), and the mark must leave most frames deferrable (else pacing saves
 * nothing). Also when a part is published: on the arrival of the frame at its end.
 */
class HlsPackagerUrgentTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-01-01T00:00:00Z"));
    private static final byte[] VIDEO = {0, 0, 0, 1, 0x65};
    private static final byte[] AUDIO = {0x21, 0x10};

    @Test
    void framesBelowTheMarkNeverPublishAndMostFramesAreBelowIt() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int partMs = 200 + random.nextInt(301);
            HlsConfig config = seed % 3 == 0
                    ? HlsConfig.defaults()
                    : HlsConfig.of(Duration.ofMillis(partMs), Duration.ofSeconds(2 + random.nextInt(3)));
            var packager = new HlsPackager(config, CLOCK);
            packager.onStart();
            packager.onVideoConfig(SyntheticStream.AVC);
            packager.onAudioConfig(SyntheticStream.AAC);
            int frameMs = 1000 / (24 + random.nextInt(37));
            long videoMs = random.nextInt(100_000);
            long audioMs = videoMs;
            int videoFrames = 0;
            int deferrable = 0;
            boolean first = true;
            long urgentFrom = packager.urgentFromMs();
            for (int i = 0; i < 2_000; i++) {
                PlaylistSnapshot before = packager.playlist().snapshot();
                long ts;
                if (videoMs <= audioMs) {
                    ts = videoMs;
                    boolean key = first || random.nextInt(45) == 0;
                    first = false;
                    packager.onFrame(new VideoFrame(VideoCodec.AVC, videoMs, 0, key, VIDEO));
                    videoFrames++;
                    videoMs += nextDelta(random, frameMs);
                } else {
                    ts = audioMs;
                    packager.onFrame(new AudioFrame(AudioCodec.AAC, audioMs, AUDIO));
                    audioMs += 21 + random.nextInt(3);
                }
                if (ts < urgentFrom) {
                    deferrable++;
                    assertThat(packager.playlist().snapshot())
                            .as("seed %d frame %d at %d ms, below the mark %d", seed, i, ts, urgentFrom)
                            .isSameAs(before);
                }
                urgentFrom = packager.urgentFromMs();
            }
            assertThat(packager.playlist().snapshot().lastPart())
                    .as("seed %d published parts", seed)
                    .isPresent();
            assertThat(deferrable)
                    .as("seed %d: frames below the mark, of %d video frames", seed, videoFrames)
                    .isGreaterThan(videoFrames);
        }
    }

    /** Mostly regular frame steps with jitter, sometimes a repeated or backward timestamp. */
    private static long nextDelta(Random random, int frameMs) {
        int roll = random.nextInt(200);
        if (roll == 0) {
            return 0;
        }
        if (roll == 1) {
            return -frameMs;
        }
        return Math.max(1, frameMs + random.nextInt(7) - 3);
    }

    @Test
    void asksForEveryFrameUntilRunningAndForAudioOnlyStreams() {
        var packager = new HlsPackager(HlsConfig.defaults(), CLOCK);
        assertThat(packager.urgentFromMs()).isEqualTo(Long.MIN_VALUE);
        packager.onStart();
        packager.onAudioConfig(SyntheticStream.AAC);
        for (int i = 0; i < 200; i++) {
            packager.onFrame(new AudioFrame(AudioCodec.AAC, i * 21L, AUDIO));
            assertThat(packager.urgentFromMs()).as("audio-led, frame %d", i).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void publishesAPartWhenTheFrameAtItsEndArrives() {
        var packager = new HlsPackager(HlsConfig.defaults(), CLOCK); // 333 ms parts
        packager.onStart();
        packager.onVideoConfig(SyntheticStream.AVC);
        packager.onAudioConfig(SyntheticStream.AAC);
        // 25 fps: the first part takes frames 0..280 ms and ends at 320 ms (a ninth frame would pass 333)
        long audioMs = 0;
        for (long videoMs = 0; videoMs <= 320; videoMs += 40) {
            for (; audioMs < videoMs; audioMs += 21) {
                packager.onFrame(new AudioFrame(AudioCodec.AAC, audioMs, AUDIO));
            }
            assertThat(packager.playlist().snapshot().lastPart())
                    .as("before the frame at %d ms", videoMs)
                    .isEmpty();
            packager.onFrame(new VideoFrame(VideoCodec.AVC, videoMs, 0, videoMs == 0, VIDEO));
        }
        assertThat(packager.playlist().snapshot().lastPart())
                .as("the frame at 320 ms starts the next part: the first one is out without waiting for 360 ms")
                .isPresent();
    }

    @Test
    void theMarkSitsAt85PercentOfThePartTarget() {
        var packager = new HlsPackager(HlsConfig.defaults(), CLOCK); // 333 ms parts
        new SyntheticStream(packager, 30).until(0.1); // 30 fps from 0 ms; the first part starts at 0
        // the part holds frames 0..1 (0, 33 ms) and frame 2 (66 ms) is held back: 85% of 333 ms = 283 ms,
        // so a frame at 283 ms cannot close it and one at 284 ms might
        assertThat(packager.urgentFromMs()).isEqualTo(284);
    }
}
