package dev.streamcat.media.id3;

import java.util.Objects;

/** An ID3v2.4 frame this module can encode (ID3v2.4 "Native Frames" §4.2.6, §4.27). Immutable. */
public sealed interface Id3Frame {
    /** {@code TXXX}: user-defined text, UTF-8. */
    record UserText(String description, String value) implements Id3Frame {
        public UserText {
            Objects.requireNonNull(description);
            Objects.requireNonNull(value);
        }
    }

    /** {@code PRIV}: private data identified by an owner (a URL or e-mail). */
    record PrivateData(String owner, byte[] data) implements Id3Frame {
        public PrivateData {
            Objects.requireNonNull(owner);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }
}
