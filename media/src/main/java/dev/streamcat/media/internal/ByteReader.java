package dev.streamcat.media.internal;

import dev.streamcat.media.MediaFormatException;
import java.nio.ByteBuffer;

/**
 * Bounded big-endian reader over a byte array slice or a {@link ByteBuffer}'s remaining bytes (heap
 * or direct: ingest parses tag headers in place and copies only the payload). Every read checks the
 * remaining length and throws {@link MediaFormatException} on underflow, so parsers built on it
 * cannot overrun. The buffer's position is never changed; byte arrays handed out are copies.
 *
 * <p>Not thread-safe: confined to the parsing thread.
 */
public final class ByteReader {
    private final ByteBuffer data;
    private final int end;
    private int pos;

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new MediaFormatException("slice out of bounds");
        }
        this.data = ByteBuffer.wrap(data);
        this.pos = offset;
        this.end = offset + length;
    }

    /** Reads {@code data}'s bytes from its position to its limit (absolute reads only). */
    public ByteReader(ByteBuffer data) {
        this.data = data;
        this.pos = data.position();
        this.end = data.limit();
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    private void need(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new MediaFormatException("truncated " + what + ": need " + n + " bytes, have " + (end - pos));
        }
    }

    public int u8(String what) {
        need(1, what);
        return data.get(pos++) & 0xFF;
    }

    public int u16(String what) {
        need(2, what);
        int v = ((data.get(pos) & 0xFF) << 8) | (data.get(pos + 1) & 0xFF);
        pos += 2;
        return v;
    }

    public int u24(String what) {
        need(3, what);
        int v = ((data.get(pos) & 0xFF) << 16) | ((data.get(pos + 1) & 0xFF) << 8) | (data.get(pos + 2) & 0xFF);
        pos += 3;
        return v;
    }

    /** Signed 24-bit (FLV SI24). */
    public int s24(String what) {
        int v = u24(what);
        return (v << 8) >> 8;
    }

    public long u32(String what) {
        need(4, what);
        long v = ((long) (data.get(pos) & 0xFF) << 24)
                | ((data.get(pos + 1) & 0xFF) << 16)
                | ((data.get(pos + 2) & 0xFF) << 8)
                | (data.get(pos + 3) & 0xFF);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        data.get(pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /** The rest of the slice, consumed. */
    public byte[] rest() {
        return bytes(remaining(), "rest");
    }
}
