package dev.streamcat.media.internal;

import dev.streamcat.media.MediaFormatException;

/**
 * Bounded MSB-first bit reader with Exp-Golomb support (ITU-T H.264 §9.1), for parameter sets and
 * AudioSpecificConfig. Reads past the end throw {@link MediaFormatException}.
 *
 * <p>Not thread-safe: confined to the parsing thread.
 */
public final class BitReader {
    private final byte[] data;
    private final long bitLength;
    private long bitPos;

    public BitReader(byte[] data) {
        this.data = data;
        this.bitLength = (long) data.length * 8;
    }

    public long bitsRemaining() {
        return bitLength - bitPos;
    }

    public boolean flag() {
        return bits(1) == 1;
    }

    /** Reads {@code n} (0..32) bits as an unsigned value. */
    public long bits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n);
        }
        if (bitLength - bitPos < n) {
            throw new MediaFormatException("bitstream truncated at bit " + bitPos);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = (data[(int) (bitPos >>> 3)] >>> (7 - (int) (bitPos & 7))) & 1;
            v = (v << 1) | b;
            bitPos++;
        }
        return v;
    }

    public int bitsInt(int n) {
        if (n > 31) {
            throw new IllegalArgumentException("bit count " + n);
        }
        return (int) bits(n);
    }

    public void skip(long n) {
        if (n < 0 || bitLength - bitPos < n) {
            throw new MediaFormatException("bitstream truncated skipping " + n + " bits");
        }
        bitPos += n;
    }

    /** Unsigned Exp-Golomb ue(v); values above 2^31-2 are rejected as malformed. */
    public int ue() {
        int zeros = 0;
        while (bits(1) == 0) {
            zeros++;
            if (zeros > 31) {
                throw new MediaFormatException("Exp-Golomb code too long");
            }
        }
        long value = (1L << zeros) - 1 + bits(zeros);
        if (value > Integer.MAX_VALUE - 1) {
            throw new MediaFormatException("Exp-Golomb value out of range");
        }
        return (int) value;
    }

    /** Signed Exp-Golomb se(v). */
    public int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /**
     * Removes emulation prevention bytes ({@code 00 00 03}) from a NAL unit payload (H.264 §7.4.1,
     * H.265 §7.4.2), giving the RBSP.
     */
    public static byte[] unescapeRbsp(byte[] nal, int from) {
        byte[] out = new byte[Math.max(0, nal.length - from)];
        int n = 0;
        int zeros = 0;
        for (int i = from; i < nal.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
