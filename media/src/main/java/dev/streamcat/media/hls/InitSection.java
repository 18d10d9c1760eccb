package dev.streamcat.media.hls;

import java.nio.ByteBuffer;

/**
 * A CMAF header (EXT-X-MAP target).
 *
 * @param version 0 for the first, +1 after each codec configuration change
 * @param bytes the init segment, read-only
 */
public record InitSection(int version, ByteBuffer bytes) {
    public InitSection {
        bytes = bytes.asReadOnlyBuffer();
    }

    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    public String uri() {
        return HlsUris.init(version);
    }
}
