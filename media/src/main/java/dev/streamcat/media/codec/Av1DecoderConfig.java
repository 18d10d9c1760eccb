package dev.streamcat.media.codec;

import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.internal.BitReader;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * AV1CodecConfigurationRecord (AV1 Codec ISO Media File Format Binding §2.3.3), with the size from
 * the sequence header OBU in configOBUs when present.
 *
 * @param seqProfile seq_profile
 * @param seqLevelIdx0 seq_level_idx_0
 * @param highTier seq_tier_0
 * @param bitDepth 8, 10 or 12
 * @param size max frame size from the sequence header, when the record carries one
 * @param raw the record bytes as received
 */
public record Av1DecoderConfig(
        int seqProfile, int seqLevelIdx0, boolean highTier, int bitDepth, Optional<Resolution> size, byte[] raw)
        implements VideoConfig {

    private static final int OBU_SEQUENCE_HEADER = 1;

    public Av1DecoderConfig {
        raw = raw.clone();
    }

    public static Av1DecoderConfig parse(byte[] record) {
        if (record.length < 4 || (record[0] & 0xFF) != 0x81) {
            throw new MediaFormatException("AV1CodecConfigurationRecord marker/version is not 0x81");
        }
        int profile = (record[1] & 0xE0) >> 5;
        int level = record[1] & 0x1F;
        boolean tier = (record[2] & 0x80) != 0;
        boolean high = (record[2] & 0x40) != 0;
        boolean twelve = (record[2] & 0x20) != 0;
        int depth = high ? (twelve ? 12 : 10) : 8;
        return new Av1DecoderConfig(profile, level, tier, depth, sequenceHeaderSize(record), record);
    }

    /** Finds a sequence header OBU in configOBUs and reads max_frame_width/height (AV1 §5.5.1). */
    private static Optional<Resolution> sequenceHeaderSize(byte[] record) {
        int pos = 4;
        while (pos < record.length) {
            int header = record[pos] & 0xFF;
            int type = (header >> 3) & 0x0F;
            boolean extension = (header & 0x04) != 0;
            boolean hasSize = (header & 0x02) != 0;
            pos += extension ? 2 : 1;
            long size = record.length - pos;
            if (hasSize) {
                long value = 0;
                int i = 0;
                for (; i < 8 && pos < record.length; i++) {
                    int b = record[pos++] & 0xFF;
                    value |= (long) (b & 0x7F) << (7 * i);
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                size = value;
            }
            if (pos > record.length || size > record.length - pos) {
                throw new MediaFormatException("truncated OBU in AV1CodecConfigurationRecord");
            }
            if (type == OBU_SEQUENCE_HEADER) {
                return Optional.of(parseSequenceHeader(Arrays.copyOfRange(record, pos, pos + (int) size)));
            }
            pos += (int) size;
        }
        return Optional.empty();
    }

    private static Resolution parseSequenceHeader(byte[] obu) {
        BitReader r = new BitReader(obu);
        r.skip(4); // seq_profile, still_picture
        boolean reduced = r.flag();
        if (reduced) {
            r.skip(5);
        } else {
            boolean decoderModel = false;
            int bufferDelayLength = 0;
            if (r.flag()) { // timing_info_present_flag
                r.skip(64);
                if (r.flag()) {
                    skipUvlc(r);
                }
                decoderModel = r.flag();
                if (decoderModel) {
                    bufferDelayLength = r.bitsInt(5) + 1;
                    r.skip(32 + 5 + 5);
                }
            }
            boolean initialDisplayDelay = r.flag();
            int operatingPoints = r.bitsInt(5) + 1;
            for (int i = 0; i < operatingPoints; i++) {
                r.skip(12);
                if (r.bitsInt(5) > 7) {
                    r.skip(1);
                }
                if (decoderModel && r.flag()) {
                    r.skip(2L * bufferDelayLength + 1);
                }
                if (initialDisplayDelay && r.flag()) {
                    r.skip(4);
                }
            }
        }
        int widthBits = r.bitsInt(4) + 1;
        int heightBits = r.bitsInt(4) + 1;
        long width = r.bits(widthBits) + 1;
        long height = r.bits(heightBits) + 1;
        if (width > 65536 || height > 65536) {
            throw new MediaFormatException("implausible AV1 size");
        }
        return new Resolution((int) width, (int) height);
    }

    private static void skipUvlc(BitReader r) {
        int zeros = 0;
        while (!r.flag()) {
            if (++zeros >= 32) {
                return;
            }
        }
        r.skip(zeros);
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.AV1;
    }

    /** {@code av01.P.LLT.DD}, AV1 ISOBMFF binding "Codecs Parameter String", e.g. {@code av01.0.08M.08}. */
    @Override
    public String codecString() {
        return "av01.%d.%02d%s.%02d".formatted(seqProfile, seqLevelIdx0, highTier ? "H" : "M", bitDepth);
    }

    @Override
    public Optional<Resolution> resolution() {
        return size;
    }

    @Override
    public OptionalDouble frameRate() {
        return OptionalDouble.empty();
    }

    @Override
    public byte[] record() {
        return raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Av1DecoderConfig other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }
}
