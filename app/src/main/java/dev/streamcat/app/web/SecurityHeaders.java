package dev.streamcat.app.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response: a strict Content Security Policy (scripts and styles only
 * from StreamCat itself; media and connections also to the engine's playback and chat origins),
 * no framing, no MIME sniffing, no referrer leaks. Immutable; runs on the event loop.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    private final String policy;
    private final boolean hsts;

    /**
     * @param engineOrigins the origins of the engine's playback and chat endpoints, e.g. {@code
     *     http://host:8081 ws://host:8081}
     */
    public SecurityHeaders(String engineOrigins, boolean hsts) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "media-src 'self' blob: " + engineOrigins + "; connect-src 'self' " + engineOrigins
                + "; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        this.hsts = hsts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hsts) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.next();
    }
}
