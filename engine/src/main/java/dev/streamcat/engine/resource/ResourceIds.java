package dev.streamcat.engine.resource;

import java.security.SecureRandom;

/**
 * Random identifiers in AWS formats: 12-character resource ids ({@code [a-zA-Z0-9]}) and the
 * secret part of stream keys. Thread-safe.
 */
public final class ResourceIds {
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResourceIds() {}

    /** A new 12-character id, as used in every IVS and IVS Chat ARN. */
    public static String newId() {
        return random(12);
    }

    /** {@code length} random characters from {@code [a-zA-Z0-9]}. */
    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }
}
