package dev.streamcat.app.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Loads the request's session from its cookie (on a worker thread) and offers sign-in with session
 * rotation, sign-out, and lazily created anonymous sessions for pages with forms or chat.
 *
 * <p>Cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}; with secure cookies on, also
 * {@code Secure} and the {@code __Host-} name prefix. Thread-safe; handlers run on the event loop.
 */
public final class Sessions implements Handler<RoutingContext> {
    private static final String KEY = "streamcat.session";

    private final SessionStore store;
    private final Blocking blocking;
    private final boolean secure;
    private final String cookieName;

    public Sessions(SessionStore store, Blocking blocking, boolean secureCookies) {
        this.store = store;
        this.blocking = blocking;
        this.secure = secureCookies;
        this.cookieName = secureCookies ? "__Host-streamcat" : "streamcat_session";
    }

    @Override
    public void handle(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(cookieName);
        if (cookie == null) {
            ctx.next();
            return;
        }
        String token = cookie.getValue();
        blocking.call(() -> store.find(token)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            found.result().ifPresentOrElse(s -> ctx.put(KEY, s), () -> clearCookie(ctx));
            ctx.next();
        });
    }

    /** The request's session, if it came with a valid one or one was created for it. */
    public static Optional<Session> current(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /** The signed-in user, if any. */
    public static Optional<SignedInUser> user(RoutingContext ctx) {
        return current(ctx).flatMap(Session::user);
    }

    /** The request's session, creating an anonymous one (and its cookie) when there is none. */
    public Future<Session> ensure(RoutingContext ctx) {
        Optional<Session> existing = current(ctx);
        if (existing.isPresent()) {
            return Future.succeededFuture(existing.get());
        }
        return blocking.call(() -> store.create(Optional.empty())).map(created -> install(ctx, created));
    }

    /** Replaces the request's session by a new signed-in one (a fresh id defeats session fixation). */
    public Future<Session> signIn(RoutingContext ctx, SignedInUser user) {
        Optional<Session> previous = current(ctx);
        return blocking.call(() -> {
                    previous.ifPresent(s -> store.delete(s.idHash()));
                    return store.create(Optional.of(user));
                })
                .map(created -> install(ctx, created));
    }

    public Future<Void> signOut(RoutingContext ctx) {
        Optional<Session> previous = current(ctx);
        ctx.remove(KEY);
        clearCookie(ctx);
        return previous.isEmpty()
                ? Future.succeededFuture()
                : blocking.run(() -> store.delete(previous.get().idHash()));
    }

    /** The chat identity of the request's anonymous visitor. */
    public Future<String> guestId(Session session) {
        return blocking.call(() -> store.guestId(session));
    }

    private Session install(RoutingContext ctx, SessionStore.Created created) {
        Session session = created.session();
        ctx.put(KEY, session);
        ctx.response()
                .addCookie(cookie(created.token())
                        .setMaxAge(store.ttl(session.signedIn()).toSeconds()));
        return session;
    }

    private void clearCookie(RoutingContext ctx) {
        ctx.response().addCookie(cookie("").setMaxAge(0));
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(cookieName, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }

    public String cookieName() {
        return cookieName;
    }
}
