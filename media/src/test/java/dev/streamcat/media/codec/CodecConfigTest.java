package dev.streamcat.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.media.MediaFormatException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CodecConfigTest {
    /** avcC from ffmpeg/libx264, testsrc2 640x360@30, High profile level 3.0. */
    static final byte[] AVCC = HexFormat.of()
            .parseHex("0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000668ebe3cb22c0fdf8f800");
    /** hvcC from ffmpeg/libx265, 1280x720, Main profile level 3.1. */
    static final byte[] HVCC = HexFormat.of()
            .parseHex("0101600000009000000000005df000fcfdf8f800000f03a00001001840010c01ffff016000000300900000030000"
                    + "03005d959809a10001002b42010101600000030090000003000003005da00280802d165959a4932bc05a02000003"
                    + "0002000003003210a2000100074401c172b46240");
    /**
     * av1C from Debian's ffmpeg/libsvtav1 (SVT-AV1 1.4), testsrc2 640x360@30: Main profile, seq_level_idx 1,
     * main tier, 8 bit, then a sized sequence header OBU with the full (not reduced) header.
     */
    static final byte[] AV1C = HexFormat.of().parseHex("81010c000a0b0000000cc4ff6700be0010");
    /** AudioSpecificConfig from ffmpeg's AAC encoder: AAC-LC, 44.1 kHz, mono, with sync extension. */
    static final byte[] ASC = HexFormat.of().parseHex("120856e500");

    @Test
    void parsesAvcRecordAndSps() {
        AvcDecoderConfig c = AvcDecoderConfig.parse(AVCC);
        assertThat(c.codecString()).isEqualTo("avc1.64001e");
        assertThat(c.nalLengthSize()).isEqualTo(4);
        assertThat(c.sps()).hasSize(1);
        assertThat(c.pps()).hasSize(1);
        assertThat(c.resolution()).contains(new Resolution(640, 360));
        assertThat(c.frameRate()).hasValue(30.0);
        assertThat(c.profileName()).isEqualTo("High");
        assertThat(c.levelName()).isEqualTo("3");
        assertThat(c.record()).isEqualTo(AVCC);
    }

    @Test
    void appliesFrameCroppingToAvcHeight() {
        // 640x360 is coded as 640x368 (23 macroblock rows) with 8 lines cropped.
        assertThat(AvcDecoderConfig.parse(AVCC).spsInfo().height()).isEqualTo(360);
    }

    @Test
    void parsesHevcRecordAndSps() {
        HevcDecoderConfig c = HevcDecoderConfig.parse(HVCC);
        assertThat(c.codecString()).isEqualTo("hvc1.1.6.L93.90");
        assertThat(c.resolution()).contains(new Resolution(1280, 720));
        assertThat(c.nalLengthSize()).isEqualTo(4);
        assertThat(c.parameterSets()).hasSize(3);
    }

    @Test
    void formatsHevcCodecStringWithTierAndConstraintBytes() {
        HevcDecoderConfig main = HevcDecoderConfig.parse(HVCC);
        HevcDecoderConfig c = new HevcDecoderConfig(
                0, false, 1, 0x60000000L, 0xB00000000000L, 93, 4, main.parameterSets(), new Resolution(1, 1), HVCC);
        assertThat(c.codecString()).isEqualTo("hvc1.1.6.L93.B0");
        HevcDecoderConfig high = new HevcDecoderConfig(
                1, true, 2, 0x20000000L, 0, 120, 4, main.parameterSets(), new Resolution(1, 1), HVCC);
        assertThat(high.codecString()).isEqualTo("hvc1.A2.4.H120");
    }

    @Test
    void parsesAudioSpecificConfig() {
        AacConfig c = AacConfig.parse(ASC);
        assertThat(c.audioObjectType()).isEqualTo(2);
        assertThat(c.sampleRate()).isEqualTo(44100);
        assertThat(c.channelConfiguration()).isEqualTo(1);
        assertThat(c.samplesPerFrame()).isEqualTo(1024);
        assertThat(c.codecString()).isEqualTo("mp4a.40.2");
    }

    @Test
    void parsesExplicitSamplingFrequency() {
        // AOT 2, index 15, explicit 0x00BB80 (48000), channel config 2: 00010 1111 <24 bits> 0010 000
        byte[] asc = {(byte) 0x17, (byte) 0x80, (byte) 0x5D, (byte) 0xC0, (byte) 0x10};
        AacConfig c = AacConfig.parse(asc);
        assertThat(c.sampleRate()).isEqualTo(48000);
        assertThat(c.channelConfiguration()).isEqualTo(2);
    }

    @Test
    void parsesHeAacWithExplicitSbr() {
        // AOT 5, 24 kHz core (index 6), stereo, extension index 3 (48 kHz), core AOT 2.
        byte[] asc = {(byte) 0x2B, (byte) 0x11, (byte) 0x88, (byte) 0x00};
        AacConfig c = AacConfig.parse(asc);
        assertThat(c.audioObjectType()).isEqualTo(5);
        assertThat(c.sampleRate()).isEqualTo(24000);
        assertThat(c.codecString()).isEqualTo("mp4a.40.5");
    }

    @Test
    void parsesAv1RecordWithSequenceHeader() {
        // marker/version, profile 0 level 8, tier M 8-bit 4:2:0, then a sequence header OBU (reduced still
        // picture header, level 8, 11-bit width/height fields: 1920x1080).
        byte[] seq = sequenceHeader();
        byte[] record = new byte[4 + 2 + seq.length];
        record[0] = (byte) 0x81;
        record[1] = 0x08;
        record[2] = 0x0C;
        record[4] = 0x0A; // OBU_SEQUENCE_HEADER, has_size
        record[5] = (byte) seq.length;
        System.arraycopy(seq, 0, record, 6, seq.length);
        Av1DecoderConfig c = Av1DecoderConfig.parse(record);
        assertThat(c.codecString()).isEqualTo("av01.0.08M.08");
        assertThat(c.resolution()).contains(new Resolution(1920, 1080));
    }

    @Test
    void parsesAv1RecordFromSvtAv1() {
        Av1DecoderConfig c = Av1DecoderConfig.parse(AV1C);
        assertThat(c.codecString()).isEqualTo("av01.0.01M.08");
        assertThat(c.seqProfile()).isZero();
        assertThat(c.bitDepth()).isEqualTo(8);
        assertThat(c.resolution()).contains(new Resolution(640, 360));
        assertThat(c.record()).isEqualTo(AV1C);
    }

    @Test
    void parsesAv1RecordWithoutConfigObus() {
        Av1DecoderConfig c = Av1DecoderConfig.parse(java.util.Arrays.copyOf(AV1C, 4));
        assertThat(c.codecString()).isEqualTo("av01.0.01M.08");
        assertThat(c.resolution()).isEmpty();
    }

    @Test
    void rejectsMalformedAv1RecordsWithTypedException() {
        byte[] badMarker = AV1C.clone();
        badMarker[0] = 0x01;
        byte[] sizePastEnd = AV1C.clone();
        sizePastEnd[5] = 0x0C; // the OBU claims one byte more than the record holds
        byte[] endlessLeb128 = HexFormat.of().parseHex("81010c000a" + "ff".repeat(8) + "01");
        byte[] hugeSize = HexFormat.of().parseHex("81010c000a" + "ffffffff0f");
        byte[] extensionPastEnd = HexFormat.of().parseHex("81010c000e");
        for (byte[] bad : java.util.List.of(badMarker, sizePastEnd, endlessLeb128, hugeSize, extensionPastEnd)) {
            assertThatThrownBy(() -> Av1DecoderConfig.parse(bad))
                    .as(HexFormat.of().formatHex(bad))
                    .isInstanceOf(MediaFormatException.class);
        }
        // Every cut inside the sequence header OBU is refused (its size no longer fits, or its bits run out).
        for (int len = 6; len < AV1C.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(AV1C, len);
            assertThatThrownBy(() -> Av1DecoderConfig.parse(cut))
                    .as("cut at %d", len)
                    .isInstanceOf(MediaFormatException.class);
        }
        // A sized sequence header whose fields run past its declared size is refused too.
        byte[] shortHeader = HexFormat.of().parseHex("81010c000a03000000");
        assertThatThrownBy(() -> Av1DecoderConfig.parse(shortHeader)).isInstanceOf(MediaFormatException.class);
    }

    private static byte[] sequenceHeader() {
        // seq_profile=0(3) still=1(1) reduced=1(1) level=8(5) wbits-1=10(4) hbits-1=10(4) w-1=1919(11) h-1=1079(11)
        String bits = "000" + "1" + "1" + "01000" + "1010" + "1010" + bin(1919, 11) + bin(1079, 11);
        while (bits.length() % 8 != 0) {
            bits += "0";
        }
        byte[] out = new byte[bits.length() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
        }
        return out;
    }

    private static String bin(int v, int width) {
        String s = Integer.toBinaryString(v);
        return "0".repeat(width - s.length()) + s;
    }

    @Test
    void rejectsTruncatedRecordsWithTypedException() {
        for (int len = 0; len < AVCC.length - 4; len++) {
            byte[] cut = java.util.Arrays.copyOf(AVCC, len);
            assertThatThrownBy(() -> AvcDecoderConfig.parse(cut)).isInstanceOf(MediaFormatException.class);
        }
        assertThatThrownBy(() -> HevcDecoderConfig.parse(new byte[] {1, 2, 3}))
                .isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> AacConfig.parse(new byte[] {(byte) 0xFF, (byte) 0xFF}))
                .isInstanceOf(MediaFormatException.class);
    }
}
