package dev.streamcat.app.channel;

import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.HttpFailure;
import dev.streamcat.app.web.Json;
import dev.streamcat.app.web.Layout;
import dev.streamcat.app.web.Pages;
import dev.streamcat.app.web.Sessions;
import dev.streamcat.app.web.SignedInUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The channel page ({@code GET /channel/:name}), its live-status poll ({@code GET
 * /api/channels/:name/status}) and follow/unfollow ({@code POST /api/channels/:name/follow|unfollow},
 * signed in, CSRF header). Thread-safe; handlers run on the event loop, storage on workers.
 */
public final class ChannelRoutes {
    private final Pages pages;
    private final Sessions sessions;
    private final Blocking blocking;
    private final ChannelStore channels;
    private final FollowStore follows;
    private final StreamStore streams;
    private final Clock clock;
    private final String chatUrl;
    private final String hlsScript;

    public ChannelRoutes(
            Pages pages,
            Sessions sessions,
            Blocking blocking,
            ChannelStore channels,
            FollowStore follows,
            StreamStore streams,
            Clock clock,
            String chatUrl,
            String hlsScript) {
        this.pages = pages;
        this.sessions = sessions;
        this.blocking = blocking;
        this.channels = channels;
        this.follows = follows;
        this.streams = streams;
        this.clock = clock;
        this.chatUrl = chatUrl;
        this.hlsScript = hlsScript;
    }

    public void mount(Router router) {
        router.get("/channel/:name").handler(this::page);
        router.get("/api/channels/:name/status").handler(this::status);
        router.post("/api/channels/:name/follow").handler(ctx -> follow(ctx, true));
        router.post("/api/channels/:name/unfollow").handler(ctx -> follow(ctx, false));
    }

    private void page(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Optional<SignedInUser> user = Sessions.user(ctx);
        sessions.ensure(ctx)
                .compose(session -> blocking.call(() -> {
                    Channel channel = channels.byName(name)
                            .orElseThrow(() -> HttpFailure.notFound("There is no channel called " + name + "."));
                    boolean following =
                            user.map(u -> follows.follows(u.id(), channel.id())).orElse(false);
                    return new ChannelPage(
                            Layout.of(ctx, channel.name() + " — " + channel.title(), "channel"),
                            channel,
                            follows.followers(channel.id()),
                            following,
                            user.map(u -> u.id() == channel.userId()).orElse(false),
                            streams.recent(channel.id(), 6),
                            chatUrl,
                            hlsScript,
                            clock.instant());
                }))
                .compose(model -> pages.render(ctx, "channel.jte", model))
                .onFailure(ctx::fail);
    }

    private void status(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        blocking.call(() -> channels.byName(name)
                        .map(c -> statusJson(c).put("followers", follows.followers(c.id())))
                        .orElseThrow(() -> HttpFailure.notFound("No such channel.")))
                .compose(json -> Json.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    /** The live state of a channel as the status endpoint and the dashboard send it. */
    public static JsonObject statusJson(Channel c) {
        return new JsonObject()
                .put("live", c.live())
                .put("viewerCount", c.viewerCount())
                .put("liveSince", c.liveSince().map(Object::toString).orElse(null))
                .put("title", c.title())
                .put("category", c.category().name())
                .put("playbackUrl", c.playbackUrl());
    }

    private void follow(RoutingContext ctx, boolean follow) {
        SignedInUser user = Sessions.user(ctx).orElseThrow(() -> new HttpFailure(401, "Log in to follow channels."));
        String name = ctx.pathParam("name");
        blocking.call(() -> {
                    Channel c = channels.byName(name).orElseThrow(() -> HttpFailure.notFound("No such channel."));
                    if (c.userId() == user.id()) {
                        throw HttpFailure.badRequest("You cannot follow your own channel.");
                    }
                    if (follow) {
                        follows.follow(user.id(), c.id());
                    } else {
                        follows.unfollow(user.id(), c.id());
                    }
                    return new JsonObject().put("following", follow).put("followers", follows.followers(c.id()));
                })
                .compose(json -> Json.ok(ctx, json))
                .onFailure(ctx::fail);
    }
}
