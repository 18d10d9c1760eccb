package dev.streamcat.rtmp;

/**
 * Audio codecs an FLV audio tag can announce: the legacy 4-bit SoundFormat (FLV spec v10.1, E.4.2.1) or
 * an Enhanced RTMP audio FourCC (E-RTMP v2, SoundFormat 9 "ExHeader").
 */
public enum AudioCodec {
    /** SoundFormat 0, 1, 3 and 4-8: PCM, ADPCM, Nellymoser, G.711. */
    LEGACY_PCM,
    /** SoundFormat 2 or 14, or FourCC {@code .mp3}. */
    MP3,
    /** SoundFormat 10 or FourCC {@code mp4a}. */
    AAC,
    /** SoundFormat 11, Speex. */
    SPEEX,
    /** FourCC {@code Opus}. */
    OPUS,
    /** FourCC {@code fLaC}. */
    FLAC,
    /** FourCC {@code ac-3} or {@code ec-3}. */
    AC3,
    /** Anything else. */
    UNKNOWN
}
