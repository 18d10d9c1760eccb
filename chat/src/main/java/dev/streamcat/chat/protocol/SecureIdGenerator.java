package dev.streamcat.chat.protocol;

import java.security.SecureRandom;

/**
 * {@link IdGenerator} over a {@link SecureRandom} with rejection sampling so every character is equally likely.
 *
 * <p>Thread-safe ({@link SecureRandom} is).
 */
final class SecureIdGenerator implements IdGenerator {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int UNBIASED_LIMIT = 256 - (256 % ALPHABET.length());

    private final SecureRandom random;

    SecureIdGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String next() {
        var chars = new char[LENGTH];
        var bytes = new byte[LENGTH * 2];
        int filled = 0;
        while (filled < LENGTH) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < LENGTH; i++) {
                int value = bytes[i] & 0xFF;
                if (value < UNBIASED_LIMIT) {
                    chars[filled++] = ALPHABET.charAt(value % ALPHABET.length());
                }
            }
        }
        return new String(chars);
    }
}
