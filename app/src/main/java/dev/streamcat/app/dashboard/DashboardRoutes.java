package dev.streamcat.app.dashboard;

import dev.streamcat.api.ivs.CreateStreamKeyRequest;
import dev.streamcat.api.ivs.DeleteStreamKeyRequest;
import dev.streamcat.api.ivs.GetStreamKeyRequest;
import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.app.channel.Category;
import dev.streamcat.app.channel.CategoryStore;
import dev.streamcat.app.channel.Channel;
import dev.streamcat.app.channel.ChannelRoutes;
import dev.streamcat.app.channel.ChannelStore;
import dev.streamcat.app.channel.FollowStore;
import dev.streamcat.app.channel.StreamStore;
import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.HttpFailure;
import dev.streamcat.app.web.Json;
import dev.streamcat.app.web.Layout;
import dev.streamcat.app.web.Pages;
import dev.streamcat.app.web.Sessions;
import dev.streamcat.app.web.SignedInUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;

/**
 * The streamer's dashboard: {@code GET /dashboard}, {@code POST /dashboard/channel} (title, category,
 * guest chat), {@code POST /dashboard/stream-key} (rotate: DeleteStreamKey + CreateStreamKey, since a
 * channel holds one key) and {@code GET /api/dashboard/status}. Signed in only. Thread-safe; handlers
 * run on the event loop, storage and {@code Ivs} calls on workers.
 */
public final class DashboardRoutes {
    private static final int MAX_TITLE = 140;
    private static final Map<String, String> NOTICES = Map.of(
            "welcome", "Your channel is ready. Point your streaming software at the server below to go live.",
            "saved", "Stream details saved.",
            "rotated", "New stream key created. Update it in your streaming software.");

    private final Pages pages;
    private final Blocking blocking;
    private final Ivs ivs;
    private final ChannelStore channels;
    private final CategoryStore categories;
    private final StreamStore streams;
    private final FollowStore follows;
    private final Clock clock;
    private final String ingestUrl;
    private final String hlsScript;

    public DashboardRoutes(
            Pages pages,
            Blocking blocking,
            Ivs ivs,
            ChannelStore channels,
            CategoryStore categories,
            StreamStore streams,
            FollowStore follows,
            Clock clock,
            String ingestUrl,
            String hlsScript) {
        this.pages = pages;
        this.blocking = blocking;
        this.ivs = ivs;
        this.channels = channels;
        this.categories = categories;
        this.streams = streams;
        this.follows = follows;
        this.clock = clock;
        this.ingestUrl = ingestUrl;
        this.hlsScript = hlsScript;
    }

    public void mount(Router router) {
        router.get("/dashboard").handler(this::show);
        router.post("/dashboard/channel").handler(this::saveDetails);
        router.post("/dashboard/stream-key").handler(this::rotateKey);
        router.get("/api/dashboard/status").handler(this::status);
    }

    private void show(RoutingContext ctx) {
        if (Sessions.user(ctx).isEmpty()) {
            Pages.redirect(ctx, "/login?next=/dashboard");
            return;
        }
        SignedInUser user = Sessions.user(ctx).get();
        String notice = ctx.queryParams().names().stream()
                .filter(NOTICES::containsKey)
                .findFirst()
                .map(NOTICES::get)
                .orElse("");
        blocking.call(() -> {
                    Channel channel = ownChannel(user);
                    String key = ivs.getStreamKey(new GetStreamKeyRequest(channel.streamKeyArn()))
                            .streamKey()
                            .value();
                    return new DashboardPage(
                            Layout.of(ctx, "Dashboard", "dashboard"),
                            channel,
                            ingestUrl,
                            key,
                            categories.all(),
                            streams.recent(channel.id(), 20),
                            follows.followers(channel.id()),
                            hlsScript,
                            notice,
                            clock.instant());
                })
                .compose(model -> pages.render(ctx, "dashboard.jte", model))
                .onFailure(ctx::fail);
    }

    private void saveDetails(RoutingContext ctx) {
        SignedInUser user = requireUser(ctx);
        String title = form(ctx, "title").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw HttpFailure.badRequest("Titles need 1 to " + MAX_TITLE + " characters.");
        }
        Category category = categories
                .bySlug(form(ctx, "category"))
                .orElseThrow(() -> HttpFailure.badRequest("Pick one of the listed categories."));
        boolean guests = "on".equals(form(ctx, "allowGuestChat"));
        blocking.run(() -> channels.updateDetails(ownChannel(user).id(), title, category.id(), guests))
                .compose(v -> Pages.redirect(ctx, "/dashboard?saved"))
                .onFailure(ctx::fail);
    }

    private void rotateKey(RoutingContext ctx) {
        SignedInUser user = requireUser(ctx);
        blocking.run(() -> {
                    Channel channel = ownChannel(user);
                    ivs.deleteStreamKey(new DeleteStreamKeyRequest(channel.streamKeyArn()));
                    String arn = ivs.createStreamKey(
                                    new CreateStreamKeyRequest(channel.arn(), Map.of("project", "streamcat")))
                            .streamKey()
                            .arn();
                    channels.updateStreamKeyArn(channel.id(), arn);
                })
                .compose(v -> Pages.redirect(ctx, "/dashboard?rotated"))
                .onFailure(ctx::fail);
    }

    private void status(RoutingContext ctx) {
        SignedInUser user = requireUser(ctx);
        blocking.call(() -> {
                    Channel channel = ownChannel(user);
                    return ChannelRoutes.statusJson(channel).put("health", health(channel));
                })
                .compose(json -> Json.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    /** The engine's stream health (HEALTHY, STARVING, UNKNOWN), or OFFLINE when not broadcasting. Blocking. */
    private String health(Channel channel) {
        try {
            return ivs.getStream(new dev.streamcat.api.ivs.GetStreamRequest(channel.arn())).stream()
                    .health();
        } catch (dev.streamcat.api.ChannelNotBroadcastingException e) {
            return "OFFLINE";
        }
    }

    private Channel ownChannel(SignedInUser user) {
        return channels.byUserId(user.id()).orElseThrow(() -> HttpFailure.notFound("Your account has no channel."));
    }

    private static SignedInUser requireUser(RoutingContext ctx) {
        return Sessions.user(ctx).orElseThrow(() -> new HttpFailure(401, "Log in to manage your channel."));
    }

    private static String form(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        return value == null ? "" : value;
    }
}
