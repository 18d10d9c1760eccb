package dev.streamcat.app.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Synchronizer-token CSRF protection: every request that is not GET, HEAD or OPTIONS must carry its
 * session's token, in the form field {@value #FIELD} or the header {@value #HEADER}, or it fails
 * with 403 before any handler runs. Stateless and thread-safe; runs on the event loop after {@link
 * Sessions} and the body handler.
 */
public final class Csrf implements Handler<RoutingContext> {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.OPTIONS)) {
            ctx.next();
            return;
        }
        Optional<Session> session = Sessions.current(ctx);
        String sent = Optional.ofNullable(ctx.request().getHeader(HEADER))
                .or(() -> Optional.ofNullable(ctx.request().getFormAttribute(FIELD)))
                .orElse("");
        if (session.isEmpty() || !matches(session.get().csrfToken(), sent)) {
            ctx.fail(
                    HttpFailure.forbidden(
                            "This page has expired or the request did not come from StreamCat. Reload the page and try again."));
            return;
        }
        ctx.next();
    }

    static boolean matches(String expected, String sent) {
        return !sent.isEmpty()
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
