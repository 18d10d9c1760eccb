package dev.streamcat.media.hls;

import dev.streamcat.media.codec.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the multivariant playlist says about the single rendition.
 *
 * @param codecs RFC 6381 codec strings, video first
 * @param resolution video size, when known
 * @param frameRate frames per second, when known
 * @param peakBandwidth bits per second, the highest segment bit rate in the window (BANDWIDTH)
 * @param averageBandwidth bits per second over the window (AVERAGE-BANDWIDTH)
 */
public record StreamInfo(
        List<String> codecs,
        Optional<Resolution> resolution,
        OptionalDouble frameRate,
        long peakBandwidth,
        long averageBandwidth) {

    public StreamInfo {
        codecs = List.copyOf(codecs);
    }
}
