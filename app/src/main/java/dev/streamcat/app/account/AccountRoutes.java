package dev.streamcat.app.account;

import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.Layout;
import dev.streamcat.app.web.Pages;
import dev.streamcat.app.web.Sessions;
import dev.streamcat.app.web.SignedInUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET|POST /login}, {@code GET|POST /register}, {@code POST /logout}. Forms carry the CSRF
 * token (checked by the router before these handlers); password work runs on workers. Thread-safe;
 * handlers run on the event loop.
 */
public final class AccountRoutes {
    private final Pages pages;
    private final Sessions sessions;
    private final Blocking blocking;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Registration registration;
    private final LoginRateLimiter limiter;

    public AccountRoutes(
            Pages pages,
            Sessions sessions,
            Blocking blocking,
            UserStore users,
            PasswordHasher hasher,
            Registration registration,
            LoginRateLimiter limiter) {
        this.pages = pages;
        this.sessions = sessions;
        this.blocking = blocking;
        this.users = users;
        this.hasher = hasher;
        this.registration = registration;
        this.limiter = limiter;
    }

    public void mount(Router router) {
        router.get("/login").handler(ctx -> showForm(ctx, "login"));
        router.get("/register").handler(ctx -> showForm(ctx, "register"));
        router.post("/login").handler(this::login);
        router.post("/register").handler(this::register);
        router.post("/logout").handler(this::logout);
    }

    private void showForm(RoutingContext ctx, String mode) {
        if (Sessions.user(ctx).isPresent()) {
            Pages.redirect(ctx, "/dashboard");
            return;
        }
        sessions.ensure(ctx).compose(s -> render(ctx, 200, mode, "", List.of())).onFailure(ctx::fail);
    }

    private void login(RoutingContext ctx) {
        String username = field(ctx, "username", 200);
        String password = field(ctx, "password", 1024);
        String address = ctx.request().remoteAddress().hostAddress();
        Optional<Duration> wait = limiter.retryAfter(username, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            ctx.response().putHeader("Retry-After", Long.toString(wait.get().toSeconds()));
            render(
                    ctx,
                    429,
                    "login",
                    username,
                    List.of("Too many attempts for this account. Try again in " + minutes
                            + (minutes == 1 ? " minute." : " minutes.")));
            return;
        }
        blocking.call(() -> authenticate(username, password)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                limiter.recordFailure(username, address);
                render(ctx, 401, "login", username, List.of("That username and password do not match."));
            } else {
                limiter.recordSuccess(username, address);
                sessions.signIn(ctx, result.result().get())
                        .compose(s -> Pages.redirect(ctx, safeNext(ctx.request().getFormAttribute("next"))))
                        .onFailure(ctx::fail);
            }
        });
    }

    /** The user if the password matches; blocking. Unknown names cost as much time as wrong passwords. */
    Optional<SignedInUser> authenticate(String username, String password) {
        Optional<UserStore.User> user = username.isEmpty() ? Optional.empty() : users.byUsername(username);
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        UserStore.User u = user.get();
        if (!hasher.verify(password, u.passwordHash())) {
            return Optional.empty();
        }
        if (hasher.needsRehash(u.passwordHash())) {
            users.updatePasswordHash(u.id(), hasher.hash(password));
        }
        return Optional.of(new SignedInUser(u.id(), u.username()));
    }

    private void register(RoutingContext ctx) {
        String username = field(ctx, "username", 200).strip();
        String password = field(ctx, "password", 1024);
        blocking.call(() -> registration.register(username, password)).onComplete(result -> {
            if (result.succeeded()) {
                sessions.signIn(ctx, result.result())
                        .compose(s -> Pages.redirect(ctx, "/dashboard?welcome=1"))
                        .onFailure(ctx::fail);
            } else if (result.cause() instanceof Registration.RegistrationException e) {
                render(ctx, e.status(), "register", username, e.problems());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private void logout(RoutingContext ctx) {
        sessions.signOut(ctx).compose(v -> Pages.redirect(ctx, "/")).onFailure(ctx::fail);
    }

    private io.vertx.core.Future<Void> render(
            RoutingContext ctx, int status, String mode, String username, List<String> errors) {
        String title = mode.equals("register") ? "Create your channel" : "Log in";
        String next = safeNext(ctx.request().getParam("next"));
        return pages.render(
                ctx, status, "auth.jte", new AuthPage(Layout.of(ctx, title, "account"), mode, username, errors, next));
    }

    private static String field(RoutingContext ctx, String name, int max) {
        String value = ctx.request().getFormAttribute(name);
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** Only local absolute paths, so the login form cannot be used as an open redirect. */
    static String safeNext(@org.jspecify.annotations.Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/dashboard";
        }
        return next;
    }
}
