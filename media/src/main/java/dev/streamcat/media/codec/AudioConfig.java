package dev.streamcat.media.codec;

import dev.streamcat.media.AudioCodec;

/** An audio decoder configuration (the FLV audio sequence header). Immutable; thread-safe. */
public sealed interface AudioConfig permits AacConfig {
    AudioCodec codec();

    /** RFC 6381 codec string, e.g. {@code mp4a.40.2}. */
    String codecString();

    /** Output sample rate of the core decoder in Hz; the MP4 audio track timescale. */
    int sampleRate();

    /** Number of output channels (at least 1). */
    int channelCount();

    /** PCM samples per access unit at {@link #sampleRate()} (1024 for AAC-LC). */
    int samplesPerFrame();

    /** Raw decoder-specific configuration bytes (a copy). */
    byte[] record();
}
