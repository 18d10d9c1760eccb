package dev.streamcat.app.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: {@link HttpFailure} keeps its status and message;
 * anything else is a 500 with a generic message (and a log line). JSON for {@code /api/} paths and
 * JSON requests, an error page otherwise. Thread-safe; runs on the event loop.
 */
public final class ErrorHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final Pages pages;

    public ErrorHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String message;
        if (failure instanceof HttpFailure http) {
            status = http.status();
            message = http.publicMessage();
        } else if (failure == null) {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            message = defaultMessage(status);
        } else {
            status = 500;
            message = defaultMessage(500);
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (wantsJson(ctx)) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("error", message).encode());
            return;
        }
        pages.render(
                ctx,
                status,
                "error.jte",
                new ErrorPage(Layout.of(ctx, heading(status), ""), status, heading(status), message));
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return ctx.request().path().startsWith("/api/") || (accept != null && accept.startsWith("application/json"));
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That did not work";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 429 -> "Slow down";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 404 -> "We could not find that page. It may have moved, or the channel may not exist.";
            case 405 -> "That action is not available here.";
            case 413 -> "That request was too large.";
            default -> status >= 500 ? "StreamCat hit a problem. Try again in a moment." : "The request was not valid.";
        };
    }
}
