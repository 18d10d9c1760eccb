package dev.streamcat.media.codec;

import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.internal.BitReader;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The parts of an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1) that packaging needs.
 *
 * @param profileIdc profile_idc
 * @param constraintFlags the constraint_set flags byte
 * @param levelIdc level_idc
 * @param chromaFormatIdc chroma_format_idc (1 = 4:2:0)
 * @param bitDepthLuma luma bit depth
 * @param width display width after frame cropping
 * @param height display height after frame cropping
 * @param frameRate frames per second from VUI timing_info, when present
 */
public record AvcSps(
        int profileIdc,
        int constraintFlags,
        int levelIdc,
        int chromaFormatIdc,
        int bitDepthLuma,
        int width,
        int height,
        OptionalDouble frameRate) {

    /** Parses a complete SPS NAL unit including its one-byte NAL header. */
    public static AvcSps parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1F) != 7) {
            throw new MediaFormatException("not an H.264 SPS NAL unit");
        }
        BitReader r = new BitReader(BitReader.unescapeRbsp(nal, 1));
        int profile = r.bitsInt(8);
        int constraints = r.bitsInt(8);
        int level = r.bitsInt(8);
        r.ue(); // seq_parameter_set_id
        int chroma = 1;
        int bitDepth = 8;
        boolean separateColourPlane = false;
        if (hasChromaInfo(profile)) {
            chroma = r.ue();
            if (chroma > 3) {
                throw new MediaFormatException("chroma_format_idc " + chroma);
            }
            if (chroma == 3) {
                separateColourPlane = r.flag();
            }
            bitDepth = 8 + r.ue();
            r.ue(); // bit_depth_chroma_minus8
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) {
                skipScalingMatrix(r, chroma == 3 ? 12 : 8);
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        skipPicOrderCnt(r);
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        long widthMbs = r.ue() + 1L;
        long heightMapUnits = r.ue() + 1L;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        long width = widthMbs * 16;
        long height = (2 - (frameMbsOnly ? 1 : 0)) * heightMapUnits * 16;
        if (r.flag()) { // frame_cropping_flag, §7.4.2.1.1 CropUnitX/CropUnitY
            int chromaArrayType = separateColourPlane ? 0 : chroma;
            int cropUnitX = chromaArrayType == 0 ? 1 : (chroma == 3 ? 1 : 2);
            int cropUnitY = (chromaArrayType == 0 ? 1 : (chroma == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
            width -= (long) cropUnitX * ((long) r.ue() + r.ue());
            height -= (long) cropUnitY * ((long) r.ue() + r.ue());
        }
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new MediaFormatException("implausible SPS size " + width + "x" + height);
        }
        OptionalDouble fps = r.flag() ? vuiFrameRate(r) : OptionalDouble.empty();
        return new AvcSps(profile, constraints, level, chroma, bitDepth, (int) width, (int) height, fps);
    }

    private static boolean hasChromaInfo(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingMatrix(BitReader r, int lists) {
        for (int i = 0; i < lists; i++) {
            if (r.flag()) {
                int size = i < 6 ? 16 : 64;
                int last = 8;
                int next = 8;
                for (int j = 0; j < size && next != 0; j++) {
                    next = (last + r.se() + 256) % 256;
                    last = next == 0 ? last : next;
                }
            }
        }
    }

    private static void skipPicOrderCnt(BitReader r) {
        int type = r.ue();
        if (type == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (type == 1) {
            r.skip(1);
            r.se();
            r.se();
            int cycle = r.ue();
            if (cycle > 255) {
                throw new MediaFormatException("num_ref_frames_in_pic_order_cnt_cycle " + cycle);
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        } else if (type != 2) {
            throw new MediaFormatException("pic_order_cnt_type " + type);
        }
    }

    /** VUI (Annex E.1.1) up to timing_info; a truncated VUI just yields no frame rate. */
    private static OptionalDouble vuiFrameRate(BitReader r) {
        try {
            if (r.flag() && r.bits(8) == 255) { // aspect_ratio_info_present_flag, Extended_SAR
                r.skip(32);
            }
            if (r.flag()) {
                r.skip(1); // overscan_appropriate_flag
            }
            if (r.flag()) { // video_signal_type_present_flag
                r.skip(4);
                if (r.flag()) {
                    r.skip(24);
                }
            }
            if (r.flag()) { // chroma_loc_info_present_flag
                r.ue();
                r.ue();
            }
            if (r.flag()) { // timing_info_present_flag
                long unitsInTick = r.bits(32);
                long timeScale = r.bits(32);
                if (unitsInTick > 0 && timeScale > 0) {
                    return OptionalDouble.of(timeScale / (2.0 * unitsInTick));
                }
            }
        } catch (MediaFormatException truncated) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    public Optional<Resolution> resolution() {
        return Optional.of(new Resolution(width, height));
    }

    /** Profile name per H.264 Annex A, e.g. {@code High}, {@code Constrained Baseline}. */
    public String profileName() {
        return switch (profileIdc) {
            case 66 -> (constraintFlags & 0x40) != 0 ? "Constrained Baseline" : "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> "High 10";
            case 122 -> "High 4:2:2";
            case 244 -> "High 4:4:4 Predictive";
            default -> "Profile " + profileIdc;
        };
    }

    /** Level name per H.264 Table A-1, e.g. {@code 3.1}. */
    public String levelName() {
        if (levelIdc == 9 || (levelIdc == 11 && (constraintFlags & 0x10) != 0 && profileIdc != 100)) {
            return "1b";
        }
        return levelIdc % 10 == 0 ? Integer.toString(levelIdc / 10) : (levelIdc / 10) + "." + (levelIdc % 10);
    }
}
