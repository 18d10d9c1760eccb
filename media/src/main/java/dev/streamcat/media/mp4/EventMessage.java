package dev.streamcat.media.mp4;

import java.util.Objects;

/**
 * A DASH event message box, {@code emsg} version 1 (ISO/IEC 23009-1 §5.10.3.3), placed before the
 * {@code moof} of a fragment. Used for ID3 timed metadata with scheme {@link #ID3_SCHEME}, which
 * hls.js surfaces as ID3 metadata samples.
 *
 * @param schemeIdUri scheme_id_uri
 * @param value value
 * @param timescale units per second of the times below
 * @param presentationTime absolute presentation time in {@code timescale} units
 * @param eventDuration duration, {@code 0xFFFFFFFF} for unknown
 * @param id event id
 * @param messageData the payload (for ID3: a complete ID3v2 tag)
 */
public record EventMessage(
        String schemeIdUri,
        String value,
        long timescale,
        long presentationTime,
        long eventDuration,
        long id,
        byte[] messageData) {

    /** The AOM "ID3 in emsg" scheme (AOM ID3 Timed Metadata in CMAF). */
    public static final String ID3_SCHEME = "https://aomedia.org/emsg/ID3";

    public EventMessage {
        Objects.requireNonNull(schemeIdUri);
        Objects.requireNonNull(value);
        messageData = messageData.clone();
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale must be positive");
        }
    }

    /** An ID3 event at {@code presentationTime} ({@code timescale} units) with unknown duration. */
    public static EventMessage id3(long timescale, long presentationTime, long id, byte[] id3Tag) {
        return new EventMessage(ID3_SCHEME, "", timescale, presentationTime, 0xFFFFFFFFL, id, id3Tag);
    }

    @Override
    public byte[] messageData() {
        return messageData.clone();
    }

    /** The encoded box. */
    public byte[] toBox() {
        BoxWriter w = new BoxWriter(64 + messageData.length);
        w.openFull("emsg", 1, 0)
                .u32(timescale)
                .u64(presentationTime)
                .u32(eventDuration)
                .u32(id);
        w.cString(schemeIdUri).cString(value).bytes(messageData).close();
        return w.toByteArray();
    }
}
