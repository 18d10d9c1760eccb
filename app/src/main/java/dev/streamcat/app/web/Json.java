package dev.streamcat.app.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON responses of the app's endpoints: never cached. Stateless. */
public final class Json {
    private Json() {}

    public static Future<Void> send(RoutingContext ctx, int status, JsonObject body) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
        return send(ctx, 200, body);
    }

    /** The request's JSON body, or an empty object when there is none or it is not an object. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw HttpFailure.badRequest("The request body is not valid JSON.");
        }
    }
}
