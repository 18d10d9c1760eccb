package dev.streamcat.media.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.MediaFixtures;
import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.MediaFrame;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.AvcDecoderConfig;
import dev.streamcat.media.codec.HevcDecoderConfig;
import dev.streamcat.media.codec.Resolution;
import dev.streamcat.media.codec.VideoConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlvTagDecoderTest {
    static final byte[] AVCC = HexFormat.of()
            .parseHex("0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000668ebe3cb22c0fdf8f800");
    static final byte[] HVCC = HexFormat.of()
            .parseHex("0101600000009000000000005df000fcfdf8f800000f03a00001001840010c01ffff016000000300900000030000"
                    + "03005d959809a10001002b42010101600000030090000003000003005da00280802d165959a4932bc05a02000003"
                    + "0002000003003210a2000100074401c172b46240");
    /** av1C from Debian's ffmpeg/libsvtav1 (SVT-AV1 1.4), testsrc2 640x360@30, as ffmpeg 7 sends it over E-RTMP. */
    static final byte[] AV1C = HexFormat.of().parseHex("81010c000a0b0000000cc4ff6700be0010");

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Valid tag bodies of every kind, also the seeds of the fuzz test. */
    static List<byte[]> videoSeeds() {
        return List.of(
                concat(b(0x17, 0, 0, 0, 0), AVCC),
                b(0x17, 1, 0xFF, 0xFF, 0xDF, 0, 0, 0, 2, 0x65, 0x88),
                b(0x27, 1, 0, 0, 66, 0, 0, 0, 2, 0x41, 0x9A),
                b(0x17, 2, 0, 0, 0),
                concat(b(0x90), ascii("hvc1"), HVCC),
                concat(b(0x91), ascii("hvc1"), b(0, 0, 33), b(0, 0, 0, 3, 0x26, 1, 0xAF)),
                concat(b(0xA3), ascii("hvc1"), b(0, 0, 0, 3, 0x02, 1, 0xD0)),
                concat(b(0x97, 2, 0, 0, 0x13, 0x01), ascii("avc1"), b(0, 0, 0, 0, 0, 1, 0x65)),
                concat(b(0x92), ascii("hvc1")),
                concat(b(0x93), ascii("av01"), b(0x12, 0, 0x0A, 0x0B)),
                concat(b(0x94), ascii("hvc1"), b(2, 0, 9)),
                concat(b(0x93), ascii("vp09"), b(1)),
                b(0x52, 0),
                concat(b(0x90), ascii("av01"), AV1C));
    }

    static List<byte[]> audioSeeds() {
        return List.of(
                b(0xAF, 0, 0x12, 0x08, 0x56, 0xE5, 0),
                b(0xAF, 1, 0x21, 0x10, 0x04),
                concat(b(0x90), ascii("mp4a"), b(0x11, 0x90)),
                concat(b(0x91), ascii("mp4a"), b(0x21, 0x10)),
                concat(b(0x90), ascii("Opus"), b(1, 2)),
                b(0x2F, 0xFF, 0xFB));
    }

    @Test
    void decodesLegacyAvcSequenceHeader() {
        VideoTag tag = FlvTagDecoder.decodeVideo(0, videoSeeds().get(0));
        assertThat(tag).isInstanceOfSatisfying(VideoTag.Config.class, c -> assertThat(c.config())
                .isInstanceOfSatisfying(
                        AvcDecoderConfig.class, a -> assertThat(a.codecString()).isEqualTo("avc1.64001e")));
    }

    @Test
    void decodesNegativeCompositionTime() {
        VideoTag tag = FlvTagDecoder.decodeVideo(1000, videoSeeds().get(1));
        VideoFrame f = ((VideoTag.Frame) tag).frame();
        assertThat(f.keyframe()).isTrue();
        assertThat(f.compositionOffsetMs()).isEqualTo(-33);
        assertThat(f.ptsMs()).isEqualTo(967);
        assertThat(f.data()).containsExactly(0, 0, 0, 2, 0x65, 0x88);
    }

    @Test
    void decodesInterFrameAndEndOfSequence() {
        VideoFrame f =
                ((VideoTag.Frame) FlvTagDecoder.decodeVideo(10, videoSeeds().get(2))).frame();
        assertThat(f.keyframe()).isFalse();
        assertThat(f.compositionOffsetMs()).isEqualTo(66);
        assertThat(FlvTagDecoder.decodeVideo(0, videoSeeds().get(3)))
                .isEqualTo(new VideoTag.EndOfSequence(VideoCodec.AVC));
    }

    @Test
    void decodesEnhancedHevcSequenceStartAndFrames() {
        VideoConfig config =
                ((VideoTag.Config) FlvTagDecoder.decodeVideo(0, videoSeeds().get(4))).config();
        assertThat(config).isInstanceOf(HevcDecoderConfig.class);
        VideoFrame coded =
                ((VideoTag.Frame) FlvTagDecoder.decodeVideo(40, videoSeeds().get(5))).frame();
        assertThat(coded.codec()).isEqualTo(VideoCodec.HEVC);
        assertThat(coded.keyframe()).isTrue();
        assertThat(coded.compositionOffsetMs()).isEqualTo(33);
        VideoFrame codedX =
                ((VideoTag.Frame) FlvTagDecoder.decodeVideo(80, videoSeeds().get(6))).frame();
        assertThat(codedX.keyframe()).isFalse();
        assertThat(codedX.compositionOffsetMs()).isZero();
        assertThat(FlvTagDecoder.decodeVideo(0, videoSeeds().get(8)))
                .isEqualTo(new VideoTag.EndOfSequence(VideoCodec.HEVC));
    }

    @Test
    void skipsModExPrefixes() {
        VideoTag tag = FlvTagDecoder.decodeVideo(5, videoSeeds().get(7));
        assertThat(((VideoTag.Frame) tag).frame().data()).containsExactly(0, 0, 1, 0x65);
    }

    @Test
    void decodesAv1FramesWithoutCompositionTime() {
        VideoFrame f =
                ((VideoTag.Frame) FlvTagDecoder.decodeVideo(7, videoSeeds().get(9))).frame();
        assertThat(f.codec()).isEqualTo(VideoCodec.AV1);
        assertThat(f.data()).containsExactly(0x12, 0, 0x0A, 0x0B);
    }

    @Test
    void decodesAv1SequenceStart() {
        VideoConfig config =
                ((VideoTag.Config) FlvTagDecoder.decodeVideo(0, videoSeeds().get(13))).config();
        assertThat(config.codecString()).isEqualTo("av01.0.01M.08");
        assertThat(config.resolution()).contains(new Resolution(640, 360));
    }

    @Test
    void reportsUnsupportedAndIgnoredTags() {
        assertThat(FlvTagDecoder.decodeVideo(0, videoSeeds().get(10))).isInstanceOf(VideoTag.Ignored.class);
        assertThat(FlvTagDecoder.decodeVideo(0, videoSeeds().get(11))).isEqualTo(new VideoTag.Unsupported("vp09"));
        assertThat(FlvTagDecoder.decodeVideo(0, videoSeeds().get(12))).isInstanceOf(VideoTag.Ignored.class);
        assertThat(FlvTagDecoder.decodeVideo(0, b(0x22, 0))).isEqualTo(new VideoTag.Unsupported("FLV CodecID 2"));
        assertThat(FlvTagDecoder.decodeAudio(0, audioSeeds().get(4))).isEqualTo(new AudioTag.Unsupported("Opus"));
        assertThat(FlvTagDecoder.decodeAudio(0, audioSeeds().get(5)))
                .isEqualTo(new AudioTag.Unsupported("FLV SoundFormat 2"));
    }

    @Test
    void decodesAacConfigAndFrames() {
        assertThat(FlvTagDecoder.decodeAudio(0, audioSeeds().get(0))).isInstanceOf(AudioTag.Config.class);
        AudioFrame f =
                ((AudioTag.Frame) FlvTagDecoder.decodeAudio(23, audioSeeds().get(1))).frame();
        assertThat(f.ptsMs()).isEqualTo(23);
        assertThat(f.data()).containsExactly(0x21, 0x10, 0x04);
        assertThat(FlvTagDecoder.decodeAudio(0, audioSeeds().get(2))).isInstanceOf(AudioTag.Config.class);
        assertThat(FlvTagDecoder.decodeAudio(0, audioSeeds().get(3))).isInstanceOf(AudioTag.Frame.class);
    }

    @Test
    void rejectsEmptyAndTruncatedBodies() {
        assertThatThrownBy(() -> FlvTagDecoder.decodeVideo(0, new byte[0])).isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> FlvTagDecoder.decodeVideo(0, b(0x17, 1, 0))).isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> FlvTagDecoder.decodeAudio(0, b(0xAF))).isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> FlvTagDecoder.decodeVideo(0, b(0x17, 0, 0, 0, 0)))
                .isInstanceOf(MediaFormatException.class);
    }

    @Test
    void decodesEveryTagOfAnFfmpegFlv() {
        MediaFixtures.requireTools();
        List<MediaFrame> frames = new ArrayList<>();
        List<Object> configs = new ArrayList<>();
        FlvStreamDecoder decoder = new FlvStreamDecoder(new MediaSink() {
            @Override
            public void onFrame(MediaFrame frame) {
                frames.add(frame);
            }

            @Override
            public void onVideoConfig(VideoConfig config) {
                configs.add(config);
            }

            @Override
            public void onAudioConfig(dev.streamcat.media.codec.AudioConfig config) {
                configs.add(config);
            }
        });
        for (MediaFixtures.FlvTag tag : MediaFixtures.flvTags(MediaFixtures.h264AacFlv())) {
            switch (tag.type()) {
                case 9 -> decoder.onVideo(tag.timestampMs(), tag.body());
                case 8 -> decoder.onAudio(tag.timestampMs(), tag.body());
                default -> {}
            }
        }
        assertThat(configs).hasSize(2);
        assertThat(frames.stream().filter(f -> f instanceof VideoFrame)).hasSize(120);
        assertThat(frames.stream().filter(f -> f instanceof VideoFrame v && v.compositionOffsetMs() != 0))
                .isNotEmpty();
        assertThat(frames.stream().filter(f -> f instanceof AudioFrame).count()).isBetween(185L, 190L);
    }

    @Test
    void decodesBorrowedDirectBuffersInPlaceLikeArrays() {
        for (byte[] body : videoSeeds()) {
            ByteBuffer borrowed = inDirectBuffer(body);
            assertThat(FlvTagDecoder.decodeVideo(40, borrowed))
                    .usingRecursiveComparison()
                    .isEqualTo(FlvTagDecoder.decodeVideo(40, body));
            assertThat(borrowed.position()).isEqualTo(3);
            assertThat(borrowed.limit()).isEqualTo(3 + body.length);
        }
        for (byte[] body : audioSeeds()) {
            ByteBuffer borrowed = inDirectBuffer(body);
            assertThat(FlvTagDecoder.decodeAudio(40, borrowed))
                    .usingRecursiveComparison()
                    .isEqualTo(FlvTagDecoder.decodeAudio(40, body));
            assertThat(borrowed.position()).isEqualTo(3);
        }
    }

    @Test
    void copiesFramePayloadsOutOfTheBorrowedBuffer() {
        ByteBuffer borrowed = inDirectBuffer(videoSeeds().get(1));
        VideoFrame f = ((VideoTag.Frame) FlvTagDecoder.decodeVideo(0, borrowed)).frame();
        borrowed.put(3 + 5, (byte) 0x7F); // the sender reuses its buffer
        assertThat(f.data()).containsExactly(0, 0, 0, 2, 0x65, 0x88);
    }

    @Test
    void readsNothingOutsideTheBorrowedSlice() {
        ByteBuffer borrowed = inDirectBuffer(b(0x17, 1, 0, 0));
        assertThatThrownBy(() -> FlvTagDecoder.decodeVideo(0, borrowed)).isInstanceOf(MediaFormatException.class);
    }

    /** {@code body} at position 3 of a direct buffer with bytes before and after it. */
    private static ByteBuffer inDirectBuffer(byte[] body) {
        ByteBuffer direct = ByteBuffer.allocateDirect(body.length + 8);
        direct.put(b(0x55, 0x55, 0x55)).put(body).put(b(0x55, 0x55, 0x55, 0x55, 0x55));
        return direct.position(3).limit(3 + body.length);
    }
}
