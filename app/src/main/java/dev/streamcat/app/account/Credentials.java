package dev.streamcat.app.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for usernames and passwords, with messages a person can act on. Stateless.
 *
 * <p>Usernames follow the IVS resource name rules, because the channel and the chat room are named
 * after the user: {@code [a-zA-Z0-9-_]}, 1–128 characters; they are unique ignoring case. Passwords:
 * 8–128 characters (NIST SP 800-63B: length over composition rules), not the username, not one of
 * the most common passwords.
 */
public final class Credentials {
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_USERNAME = 128;

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password123",
            "12345678",
            "123456789",
            "1234567890",
            "qwertyui",
            "qwerty123",
            "iloveyou",
            "11111111",
            "00000000",
            "abcdefgh",
            "letmein1",
            "baseball",
            "football",
            "sunshine",
            "princess",
            "streamcat",
            "welcome1",
            "passw0rd",
            "trustno1",
            "superman");

    private Credentials() {}

    /** What is wrong with the username, or an empty list. */
    public static List<String> usernameProblems(String username) {
        if (username.isEmpty()) {
            return List.of("Choose a username.");
        }
        if (username.length() > MAX_USERNAME) {
            return List.of("Usernames can be at most " + MAX_USERNAME + " characters long.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return List.of("Usernames may use only letters, digits, '-' and '_'.");
        }
        return List.of();
    }

    /** What is wrong with the password for this username, or an empty list. */
    public static List<String> passwordProblems(String username, String password) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD) {
            problems.add("Passwords need at least " + MIN_PASSWORD + " characters.");
        } else if (length > MAX_PASSWORD) {
            problems.add("Passwords can be at most " + MAX_PASSWORD + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (!username.isEmpty() && lower.equals(username.toLowerCase(Locale.ROOT))) {
            problems.add("Your password must not be your username.");
        } else if (COMMON.contains(lower)) {
            problems.add("That password is too common. Pick something harder to guess.");
        }
        if (!password.isEmpty() && password.isBlank()) {
            problems.add("Passwords cannot be only spaces.");
        }
        return problems;
    }

    /** The case-insensitive key under which usernames are unique. */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
