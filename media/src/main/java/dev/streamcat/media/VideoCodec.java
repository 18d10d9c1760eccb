package dev.streamcat.media;

/** Video codecs the media pipeline understands, with their ISO BMFF sample entry FourCC. */
public enum VideoCodec {
    /** H.264 / AVC, ISO/IEC 14496-10, carried as {@code avc1} with an {@code avcC} box. */
    AVC("avc1"),
    /** H.265 / HEVC, ISO/IEC 23008-2, carried as {@code hvc1} with an {@code hvcC} box. */
    HEVC("hvc1"),
    /** AV1, carried as {@code av01} with an {@code av1C} box (AV1 ISOBMFF binding). */
    AV1("av01");

    private final String fourCc;

    VideoCodec(String fourCc) {
        this.fourCc = fourCc;
    }

    /** The sample entry type and Enhanced RTMP FourCC, e.g. {@code avc1}. */
    public String fourCc() {
        return fourCc;
    }
}
