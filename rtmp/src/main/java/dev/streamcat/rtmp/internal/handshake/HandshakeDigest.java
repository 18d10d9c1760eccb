package dev.streamcat.rtmp.internal.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digest ("complex") handshake. C1 and S1 carry a 32-byte HMAC-SHA256 digest at an offset derived
 * from four bytes of the block (scheme 0: bytes 8-11, digest in 12..739; scheme 1: bytes 772-775, digest
 * in 776..1503), keyed with the first 30 bytes of the player key (C1) or the first 36 bytes of the server
 * key (S1). S2's last 32 bytes are an HMAC of the rest of S2, keyed with HMAC(server key, C1 digest).
 *
 * <p>Stateless and thread-safe.
 */
public final class HandshakeDigest {

    public static final int BLOCK_SIZE = 1536;
    static final int DIGEST_SIZE = 32;

    /** The 32 constant bytes both keys end with. */
    private static final byte[] KEY_TAIL = {
        (byte) 0xF0,
        (byte) 0xEE,
        (byte) 0xC2,
        0x4A,
        (byte) 0x80,
        0x68,
        (byte) 0xBE,
        (byte) 0xE8,
        0x2E,
        0x00,
        (byte) 0xD0,
        (byte) 0xD1,
        0x02,
        (byte) 0x9E,
        0x7E,
        0x57,
        0x6E,
        (byte) 0xEC,
        0x5D,
        0x2D,
        0x29,
        (byte) 0x80,
        0x6F,
        (byte) 0xAB,
        (byte) 0x93,
        (byte) 0xB8,
        (byte) 0xE6,
        0x36,
        (byte) 0xCF,
        (byte) 0xEB,
        0x31,
        (byte) 0xAE
    };

    static final byte[] PLAYER_KEY = concat("Genuine Adobe Flash Player 001", KEY_TAIL);
    static final byte[] SERVER_KEY = concat("Genuine Adobe Flash Media Server 001", KEY_TAIL);
    static final int PLAYER_KEY_TEXT_LENGTH = 30;
    static final int SERVER_KEY_TEXT_LENGTH = 36;

    private HandshakeDigest() {}

    /** Offset of the digest in a block for {@code scheme} 0 or 1. */
    static int digestOffset(byte[] block, int scheme) {
        int base = scheme == 0 ? 8 : 772;
        int sum = (block[base] & 0xFF) + (block[base + 1] & 0xFF) + (block[base + 2] & 0xFF) + (block[base + 3] & 0xFF);
        return sum % 728 + base + 4;
    }

    /** HMAC of the block without its 32 digest bytes at {@code offset}. */
    static byte[] blockDigest(byte[] block, int offset, byte[] key, int keyLength) {
        Mac mac = hmac(Arrays.copyOf(key, keyLength));
        mac.update(block, 0, offset);
        mac.update(block, offset + DIGEST_SIZE, block.length - offset - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** The scheme whose digest in C1 is valid, or empty for a plain C1. */
    static OptionalInt clientScheme(byte[] c1) {
        for (int scheme = 0; scheme < 2; scheme++) {
            int offset = digestOffset(c1, scheme);
            byte[] expected = blockDigest(c1, offset, PLAYER_KEY, PLAYER_KEY_TEXT_LENGTH);
            if (MessageDigest.isEqual(expected, Arrays.copyOfRange(c1, offset, offset + DIGEST_SIZE))) {
                return OptionalInt.of(scheme);
            }
        }
        return OptionalInt.empty();
    }

    /** Writes the server digest into {@code s1} (time and version already set) using {@code scheme}. */
    static void signServerBlock(byte[] s1, int scheme) {
        int offset = digestOffset(s1, scheme);
        byte[] digest = blockDigest(s1, offset, SERVER_KEY, SERVER_KEY_TEXT_LENGTH);
        System.arraycopy(digest, 0, s1, offset, DIGEST_SIZE);
    }

    /** Writes the S2 signature (last 32 bytes) for a client whose C1 digest is {@code clientDigest}. */
    static void signResponse(byte[] s2, byte[] clientDigest) {
        byte[] key = hmac(SERVER_KEY).doFinal(clientDigest);
        Mac mac = hmac(key);
        mac.update(s2, 0, s2.length - DIGEST_SIZE);
        System.arraycopy(mac.doFinal(), 0, s2, s2.length - DIGEST_SIZE, DIGEST_SIZE);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] concat(String text, byte[] tail) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] key = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, key, head.length, tail.length);
        return key;
    }
}
