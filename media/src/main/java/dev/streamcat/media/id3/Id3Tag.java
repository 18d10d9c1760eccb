package dev.streamcat.media.id3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes ID3v2.4.0 tags (id3.org "ID3 tag version 2.4.0 - Main Structure" §3.1, §4): a 10-byte
 * header with a synchsafe size, then frames with synchsafe sizes and no flags. Text frames use
 * encoding {@code $03} (UTF-8).
 *
 * <p>Stateless and thread-safe.
 */
public final class Id3Tag {
    /** Largest value of a 28-bit synchsafe integer. */
    static final int MAX_SYNCHSAFE = (1 << 28) - 1;

    private Id3Tag() {}

    /** A tag with one {@code TXXX} frame. */
    public static byte[] text(String description, String value) {
        return encode(List.of(new Id3Frame.UserText(description, value)));
    }

    /** A tag with one {@code PRIV} frame. */
    public static byte[] privateData(String owner, byte[] data) {
        return encode(List.of(new Id3Frame.PrivateData(owner, data)));
    }

    /** A tag holding the given frames in order. */
    public static byte[] encode(List<Id3Frame> frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Id3Frame frame : frames) {
            byte[] content =
                    switch (frame) {
                        case Id3Frame.UserText t ->
                            concat(new byte[] {3}, terminated(t.description()), utf8(t.value()));
                        case Id3Frame.PrivateData p -> concat(latin1Terminated(p.owner()), p.data());
                    };
            String id =
                    switch (frame) {
                        case Id3Frame.UserText t -> "TXXX";
                        case Id3Frame.PrivateData p -> "PRIV";
                    };
            body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(synchsafe(content.length));
            body.write(0);
            body.write(0);
            body.writeBytes(content);
        }
        byte[] frameBytes = body.toByteArray();
        ByteArrayOutputStream tag = new ByteArrayOutputStream(frameBytes.length + 10);
        tag.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0});
        tag.writeBytes(synchsafe(frameBytes.length));
        tag.writeBytes(frameBytes);
        return tag.toByteArray();
    }

    /** 28-bit synchsafe integer, 4 bytes with the top bit of each clear (§6.2). */
    static byte[] synchsafe(int value) {
        if (value < 0 || value > MAX_SYNCHSAFE) {
            throw new IllegalArgumentException("ID3 size out of range: " + value);
        }
        return new byte[] {
            (byte) ((value >> 21) & 0x7F),
            (byte) ((value >> 14) & 0x7F),
            (byte) ((value >> 7) & 0x7F),
            (byte) (value & 0x7F)
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] terminated(String s) {
        return concat(utf8(s), new byte[] {0});
    }

    private static byte[] latin1Terminated(String s) {
        return concat(s.getBytes(StandardCharsets.ISO_8859_1), new byte[] {0});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
