package dev.streamcat.media.codec;

import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.internal.ByteReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * AVCDecoderConfigurationRecord, ISO/IEC 14496-15 §5.3.3.1, with its first SPS parsed.
 *
 * @param profileIndication AVCProfileIndication
 * @param profileCompatibility profile_compatibility
 * @param levelIndication AVCLevelIndication
 * @param nalLengthSize bytes of the NAL unit length prefix in samples (1, 2 or 4)
 * @param sps sequence parameter set NAL units
 * @param pps picture parameter set NAL units
 * @param spsInfo the first SPS, parsed
 * @param raw the record bytes as received
 */
public record AvcDecoderConfig(
        int profileIndication,
        int profileCompatibility,
        int levelIndication,
        int nalLengthSize,
        List<byte[]> sps,
        List<byte[]> pps,
        AvcSps spsInfo,
        byte[] raw)
        implements VideoConfig {

    public AvcDecoderConfig {
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
        raw = raw.clone();
    }

    /** Parses the record (the payload of an AVC sequence header / E-RTMP SequenceStart). */
    public static AvcDecoderConfig parse(byte[] record) {
        ByteReader r = new ByteReader(record);
        int version = r.u8("configurationVersion");
        if (version != 1) {
            throw new MediaFormatException("AVCDecoderConfigurationRecord version " + version);
        }
        int profile = r.u8("AVCProfileIndication");
        int compatibility = r.u8("profile_compatibility");
        int level = r.u8("AVCLevelIndication");
        int lengthSize = (r.u8("lengthSizeMinusOne") & 0x03) + 1;
        if (lengthSize == 3) {
            throw new MediaFormatException("NAL length size 3 is not allowed");
        }
        List<byte[]> sps = readNalUnits(r, r.u8("numOfSequenceParameterSets") & 0x1F);
        List<byte[]> pps = readNalUnits(r, r.u8("numOfPictureParameterSets"));
        if (sps.isEmpty()) {
            throw new MediaFormatException("AVCDecoderConfigurationRecord without SPS");
        }
        // Trailing high-profile fields (chroma_format etc.) are optional and not needed.
        AvcSps info = AvcSps.parse(sps.getFirst());
        return new AvcDecoderConfig(profile, compatibility, level, lengthSize, sps, pps, info, record);
    }

    private static List<byte[]> readNalUnits(ByteReader r, int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(r.bytes(r.u16("parameter set length"), "parameter set"));
        }
        return out;
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.AVC;
    }

    /** {@code avc1.PPCCLL} in lower-case hex (RFC 6381 §3.3). */
    @Override
    public String codecString() {
        return "avc1." + HexFormat.of().toHexDigits((byte) profileIndication)
                + HexFormat.of().toHexDigits((byte) profileCompatibility)
                + HexFormat.of().toHexDigits((byte) levelIndication);
    }

    @Override
    public Optional<Resolution> resolution() {
        return spsInfo.resolution();
    }

    @Override
    public OptionalDouble frameRate() {
        return spsInfo.frameRate();
    }

    public String profileName() {
        return spsInfo.profileName();
    }

    public String levelName() {
        return spsInfo.levelName();
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
        return o instanceof AvcDecoderConfig other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "AvcDecoderConfig[" + codecString() + " " + spsInfo.width() + "x" + spsInfo.height() + "]";
    }
}
