package dev.streamcat.media.codec;

import dev.streamcat.media.VideoCodec;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A video decoder configuration (the FLV sequence header). Immutable; thread-safe.
 */
public sealed interface VideoConfig permits AvcDecoderConfig, HevcDecoderConfig, Av1DecoderConfig {
    VideoCodec codec();

    /** RFC 6381 codec string for the HLS {@code CODECS} attribute, e.g. {@code avc1.64001f}. */
    String codecString();

    /** Display resolution when the parameter sets tell it. */
    Optional<Resolution> resolution();

    /** Frames per second when the bitstream signals timing (H.264 VUI). */
    OptionalDouble frameRate();

    /**
     * The configuration record bytes exactly as received, for the {@code avcC}/{@code hvcC}/{@code
     * av1C} box. A copy: callers may keep or modify it.
     */
    byte[] record();
}
