package dev.streamcat.app.account;

import dev.streamcat.app.web.Layout;
import java.util.List;

/**
 * The model of {@code auth.jte}: the log-in or sign-up form, with what was typed and what went wrong.
 *
 * @param mode {@code login} or {@code register}
 * @param next where to go after logging in (a local path)
 */
public record AuthPage(Layout layout, String mode, String username, List<String> errors, String next) {
    public boolean register() {
        return mode.equals("register");
    }

    public int minPassword() {
        return Credentials.MIN_PASSWORD;
    }

    public int maxPassword() {
        return Credentials.MAX_PASSWORD;
    }
}
