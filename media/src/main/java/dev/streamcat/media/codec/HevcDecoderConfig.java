package dev.streamcat.media.codec;

import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.internal.BitReader;
import dev.streamcat.media.internal.ByteReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * HEVCDecoderConfigurationRecord, ISO/IEC 14496-15 §8.3.3.1, with the first SPS parsed for size.
 *
 * @param profileSpace general_profile_space
 * @param tierFlag general_tier_flag
 * @param profileIdc general_profile_idc
 * @param profileCompatibilityFlags general_profile_compatibility_flags (32 bits)
 * @param constraintIndicatorFlags general_constraint_indicator_flags (48 bits)
 * @param levelIdc general_level_idc
 * @param nalLengthSize bytes of the NAL unit length prefix in samples
 * @param parameterSets VPS, SPS, PPS and SEI NAL units, in record order
 * @param resolution picture size after the conformance window, from the first SPS
 * @param raw the record bytes as received
 */
public record HevcDecoderConfig(
        int profileSpace,
        boolean tierFlag,
        int profileIdc,
        long profileCompatibilityFlags,
        long constraintIndicatorFlags,
        int levelIdc,
        int nalLengthSize,
        List<byte[]> parameterSets,
        Resolution size,
        byte[] raw)
        implements VideoConfig {

    private static final int NAL_SPS = 33;

    public HevcDecoderConfig {
        parameterSets = List.copyOf(parameterSets);
        raw = raw.clone();
    }

    /** Parses the record (the payload of an E-RTMP {@code hvc1} SequenceStart). */
    public static HevcDecoderConfig parse(byte[] record) {
        ByteReader r = new ByteReader(record);
        if (r.u8("configurationVersion") != 1) {
            throw new MediaFormatException("HEVCDecoderConfigurationRecord version is not 1");
        }
        int b = r.u8("general_profile");
        long compat = r.u32("general_profile_compatibility_flags");
        long constraints = (r.u32("constraint flags") << 16) | r.u16("constraint flags");
        int level = r.u8("general_level_idc");
        r.skip(8, "record header"); // segmentation .. avgFrameRate
        int lengthSize = (r.u8("lengthSizeMinusOne") & 0x03) + 1;
        if (lengthSize == 3) {
            throw new MediaFormatException("NAL length size 3 is not allowed");
        }
        int arrays = r.u8("numOfArrays");
        List<byte[]> sets = new ArrayList<>();
        byte[] sps = null;
        for (int i = 0; i < arrays; i++) {
            int type = r.u8("NAL_unit_type") & 0x3F;
            int count = r.u16("numNalus");
            for (int j = 0; j < count; j++) {
                byte[] nal = r.bytes(r.u16("nalUnitLength"), "NAL unit");
                sets.add(nal);
                if (type == NAL_SPS && sps == null) {
                    sps = nal;
                }
            }
        }
        if (sps == null) {
            throw new MediaFormatException("HEVCDecoderConfigurationRecord without SPS");
        }
        return new HevcDecoderConfig(
                b >> 6, (b & 0x20) != 0, b & 0x1F, compat, constraints, level, lengthSize, sets, spsSize(sps), record);
    }

    /** seq_parameter_set_rbsp() up to conf_win offsets, ITU-T H.265 §7.3.2.2. */
    static Resolution spsSize(byte[] nal) {
        if (nal.length < 3) {
            throw new MediaFormatException("HEVC SPS too short");
        }
        BitReader r = new BitReader(BitReader.unescapeRbsp(nal, 2));
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.bitsInt(3);
        r.skip(1); // sps_temporal_id_nesting_flag
        skipProfileTierLevel(r, maxSubLayersMinus1);
        r.ue(); // sps_seq_parameter_set_id
        int chroma = r.ue();
        if (chroma > 3) {
            throw new MediaFormatException("chroma_format_idc " + chroma);
        }
        if (chroma == 3 && r.flag()) {
            chroma = 0; // separate_colour_plane_flag: ChromaArrayType 0
        }
        long width = r.ue();
        long height = r.ue();
        if (r.flag()) { // conformance_window_flag, §7.4.3.2.1 SubWidthC/SubHeightC (Table 6-1)
            int subWidth = chroma == 1 || chroma == 2 ? 2 : 1;
            int subHeight = chroma == 1 ? 2 : 1;
            width -= (long) subWidth * ((long) r.ue() + r.ue());
            height -= (long) subHeight * ((long) r.ue() + r.ue());
        }
        if (width <= 0 || height <= 0 || width > 16888 || height > 16888) {
            throw new MediaFormatException("implausible HEVC SPS size " + width + "x" + height);
        }
        return new Resolution((int) width, (int) height);
    }

    /** profile_tier_level(1, maxNumSubLayersMinus1), §7.3.3. */
    private static void skipProfileTierLevel(BitReader r, int maxSubLayersMinus1) {
        r.skip(88 + 8); // general profile (88 bits) + general_level_idc
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2L * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            r.skip((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0));
        }
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.HEVC;
    }

    /**
     * {@code hvc1.<space><profile>.<compat reversed hex>.<tier><level>.<constraint bytes>}, ISO/IEC
     * 14496-15 Annex E.3, e.g. {@code hvc1.1.6.L93.B0}.
     */
    @Override
    public String codecString() {
        StringBuilder s = new StringBuilder("hvc1.");
        if (profileSpace > 0) {
            s.append((char) ('A' + profileSpace - 1));
        }
        s.append(profileIdc).append('.');
        s.append(Long.toHexString(Integer.toUnsignedLong(Integer.reverse((int) profileCompatibilityFlags)))
                .toUpperCase());
        s.append('.').append(tierFlag ? 'H' : 'L').append(levelIdc);
        int last = 5;
        while (last >= 0 && ((constraintIndicatorFlags >>> (8 * (5 - last))) & 0xFF) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            long value = (constraintIndicatorFlags >>> (8 * (5 - i))) & 0xFF;
            s.append('.').append(Long.toHexString(value).toUpperCase());
        }
        return s.toString();
    }

    @Override
    public Optional<Resolution> resolution() {
        return Optional.of(size);
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
        return o instanceof HevcDecoderConfig other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "HevcDecoderConfig[" + codecString() + " " + size + "]";
    }
}
