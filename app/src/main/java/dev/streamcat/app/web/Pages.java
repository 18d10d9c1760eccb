package dev.streamcat.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Renders the precompiled jte templates ({@code src/main/jte}, HTML-escaped by default) into
 * responses. Every template takes one model record. Thread-safe; rendering is CPU-only and fast, so
 * it runs on the event loop.
 */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with {@code model} as the response. */
    public Future<Void> render(RoutingContext ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(out.toString());
    }

    public Future<Void> render(RoutingContext ctx, String template, Object model) {
        return render(ctx, 200, template, model);
    }

    /** Sends a 303 See Other, the answer to a successful form POST. */
    public static Future<Void> redirect(RoutingContext ctx, String location) {
        return ctx.response()
                .setStatusCode(303)
                .putHeader("Location", location)
                .putHeader("Cache-Control", "no-store")
                .end();
    }
}
