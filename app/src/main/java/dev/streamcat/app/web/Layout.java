package dev.streamcat.app.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * What every page's frame needs: the title, the signed-in user for the header, the CSRF token for
 * the sign-out form and scripts, and which section is active. Immutable.
 *
 * @param section the active navigation entry: {@code home}, {@code dashboard}, {@code channel},
 *     {@code account}, or empty
 */
public record Layout(String title, String csrfToken, Optional<SignedInUser> user, String section) {

    /** The frame for this request, from its session. */
    public static Layout of(RoutingContext ctx, String title, String section) {
        Optional<Session> session = Sessions.current(ctx);
        return new Layout(title, session.map(Session::csrfToken).orElse(""), session.flatMap(Session::user), section);
    }

    public boolean signedIn() {
        return user.isPresent();
    }

    public String username() {
        return user.map(SignedInUser::username).orElse("");
    }

    public boolean active(String name) {
        return section.equals(name);
    }
}
