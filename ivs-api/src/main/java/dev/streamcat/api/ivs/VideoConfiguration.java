package dev.streamcat.api.ivs;

/**
 * The video track of an ingest: RFC 6381 {@code codec} (e.g. {@code avc1.64001F}), profile and level
 * names, the encoder from {@code onMetaData}, the measured bit rate (bits/s) and frame rate.
 */
public record VideoConfiguration(
        String avcLevel,
        String avcProfile,
        String codec,
        String encoder,
        String level,
        String profile,
        long targetBitrate,
        long targetFramerate,
        String track,
        long videoHeight,
        long videoWidth) {}
