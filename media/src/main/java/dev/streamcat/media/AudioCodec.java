package dev.streamcat.media;

/** Audio codecs the media pipeline understands. */
public enum AudioCodec {
    /** MPEG-4 AAC (ISO/IEC 14496-3), raw access units, carried as {@code mp4a} with {@code esds}. */
    AAC("mp4a");

    private final String fourCc;

    AudioCodec(String fourCc) {
        this.fourCc = fourCc;
    }

    /** The sample entry type and Enhanced RTMP FourCC, e.g. {@code mp4a}. */
    public String fourCc() {
        return fourCc;
    }
}
