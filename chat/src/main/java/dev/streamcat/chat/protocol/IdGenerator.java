package dev.streamcat.chat.protocol;

import java.security.SecureRandom;

/**
 * Makes the 12-character {@code [a-zA-Z0-9]} ids IVS Chat uses for messages, events and errors.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

    /** Length of every id. */
    int LENGTH = 12;

    /** A new id. */
    String next();

    /** Ids drawn from a {@link SecureRandom}, unbiased over the 62-character alphabet. */
    static IdGenerator secure() {
        return new SecureIdGenerator(new SecureRandom());
    }

    /** True when {@code candidate} has the IVS id shape. */
    static boolean isValid(String candidate) {
        if (candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (SecureIdGenerator.ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
