package dev.streamcat.media.mp4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable big-endian byte sink with nested ISO BMFF box framing (ISO/IEC 14496-12 §4.2): {@link
 * #open(String)} writes a size placeholder and the type, {@link #close()} patches the size.
 *
 * <p>Not thread-safe: one writer per output.
 */
final class BoxWriter {
    private byte[] buf;
    private int len;
    private final int[] stack = new int[32];
    private int depth;

    BoxWriter(int initialCapacity) {
        buf = new byte[Math.max(0, initialCapacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    BoxWriter open(String type) {
        stack[depth++] = len;
        u32(0);
        return fourCc(type);
    }

    /** Opens a FullBox with version and 24-bit flags. */
    BoxWriter openFull(String type, int version, int flags) {
        open(type);
        return u32(((long) version << 24) | (flags & 0xFFFFFF));
    }

    BoxWriter close() {
        int start = stack[--depth];
        patch32(start, len - start);
        return this;
    }

    int position() {
        return len;
    }

    void patch32(int at, long value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u32(long v) {
        ensure(4);
        patch32(len, v);
        len += 4;
        return this;
    }

    BoxWriter u64(long v) {
        u32(v >>> 32);
        return u32(v & 0xFFFFFFFFL);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        len += n; // buffer is zero-filled on growth and never reused below len
        return this;
    }

    BoxWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    BoxWriter fourCc(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("box type must be 4 characters: " + type);
        }
        return bytes(type.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A null-terminated UTF-8 string. */
    BoxWriter cString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    /** The unity transformation matrix of mvhd/tkhd (§8.2.2). */
    BoxWriter unityMatrix() {
        return u32(0x00010000)
                .u32(0)
                .u32(0)
                .u32(0)
                .u32(0x00010000)
                .u32(0)
                .u32(0)
                .u32(0)
                .u32(0x40000000);
    }

    /** The bytes written; the buffer itself (no copy) when it was sized exactly. Ends this writer. */
    byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed box");
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
