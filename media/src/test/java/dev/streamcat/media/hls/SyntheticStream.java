package dev.streamcat.media.hls;

import dev.streamcat.media.AudioCodec;
import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.AacConfig;
import dev.streamcat.media.codec.AvcDecoderConfig;
import java.util.HexFormat;

/** Feeds a packager synthetic 30 fps video (keyframe every {@code gop} frames) and 48 kHz AAC timing. */
final class SyntheticStream {
    static final AvcDecoderConfig AVC = AvcDecoderConfig.parse(HexFormat.of()
            .parseHex(
                    "0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000668ebe3cb22c0fdf8f800"));
    static final AacConfig AAC = AacConfig.parse(new byte[] {0x11, (byte) 0x90});

    private final HlsPackager packager;
    private final int gop;
    private int videoIndex;
    private int audioIndex;

    SyntheticStream(HlsPackager packager, int gop) {
        this.packager = packager;
        this.gop = gop;
        packager.onStart();
        packager.onVideoConfig(AVC);
        packager.onAudioConfig(AAC);
    }

    /** Feeds media up to {@code seconds} of stream time, interleaved in timestamp order. */
    SyntheticStream until(double seconds) {
        long endMs = (long) (seconds * 1000);
        while (true) {
            long videoMs = videoIndex * 1000L / 30;
            long audioMs = audioIndex * 1024L * 1000 / 48000;
            if (Math.min(videoMs, audioMs) >= endMs) {
                return this;
            }
            if (videoMs <= audioMs) {
                boolean key = videoIndex % gop == 0;
                packager.onFrame(new VideoFrame(VideoCodec.AVC, videoMs, 0, key, new byte[] {0, 0, 0, 1, 0x65}));
                videoIndex++;
            } else {
                packager.onFrame(new AudioFrame(AudioCodec.AAC, audioMs, new byte[] {0x21, 0x10}));
                audioIndex++;
            }
        }
    }
}
