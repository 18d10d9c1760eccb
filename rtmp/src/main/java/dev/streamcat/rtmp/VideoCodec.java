package dev.streamcat.rtmp;

/**
 * Video codecs an FLV video tag can announce: the legacy 4-bit CodecID (FLV spec v10.1, E.4.3.1) or an
 * Enhanced RTMP FourCC (E-RTMP v2, "ExVideoTagHeader").
 */
public enum VideoCodec {
    /** Legacy CodecID 2, Sorenson H.263. */
    H263,
    /** Legacy CodecID 3 and 6, Screen video v1/v2. */
    SCREEN_VIDEO,
    /** Legacy CodecID 4 and 5, On2 VP6 (with or without alpha). */
    VP6,
    /** Legacy CodecID 7 or FourCC {@code avc1}. */
    AVC,
    /** FourCC {@code hvc1}. */
    HEVC,
    /** FourCC {@code av01}. */
    AV1,
    /** FourCC {@code vp09}. */
    VP9,
    /** Anything else. */
    UNKNOWN
}
