/**
 * Decoder configurations: AVCDecoderConfigurationRecord, HEVCDecoderConfigurationRecord,
 * AV1CodecConfigurationRecord and AudioSpecificConfig, with the parameter-set parsing needed for
 * resolution, frame rate and the HLS {@code CODECS} attribute (RFC 6381 codec strings).
 *
 * <p>All types are immutable records; parsers are pure, bounded, and throw only {@link
 * dev.streamcat.media.MediaFormatException} for bad input.
 */
@NullMarked
package dev.streamcat.media.codec;

import org.jspecify.annotations.NullMarked;
