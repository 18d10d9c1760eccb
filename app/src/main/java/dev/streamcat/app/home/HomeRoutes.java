package dev.streamcat.app.home;

import dev.streamcat.app.channel.Category;
import dev.streamcat.app.channel.CategoryStore;
import dev.streamcat.app.channel.Channel;
import dev.streamcat.app.channel.ChannelStore;
import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.HttpFailure;
import dev.streamcat.app.web.Layout;
import dev.streamcat.app.web.Pages;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /} (live channels, categories, newest streamers when nobody is live) and {@code GET
 * /category/:slug}. Thread-safe; handlers run on the event loop, queries on workers.
 */
public final class HomeRoutes {
    private static final int LIVE_LIMIT = 24;

    private final Pages pages;
    private final Blocking blocking;
    private final ChannelStore channels;
    private final CategoryStore categories;
    private final Clock clock;

    public HomeRoutes(Pages pages, Blocking blocking, ChannelStore channels, CategoryStore categories, Clock clock) {
        this.pages = pages;
        this.blocking = blocking;
        this.channels = channels;
        this.categories = categories;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/").handler(ctx -> show(ctx, Optional.empty()));
        router.get("/category/:slug").handler(ctx -> {
            Category category = categories
                    .bySlug(ctx.pathParam("slug"))
                    .orElseThrow(() -> HttpFailure.notFound("There is no such category."));
            show(ctx, Optional.of(category));
        });
    }

    private void show(RoutingContext ctx, Optional<Category> category) {
        blocking.call(() -> {
                    List<Channel> live = category.isPresent()
                            ? channels.liveInCategory(category.get().id(), LIVE_LIMIT)
                            : channels.live(LIVE_LIMIT);
                    List<Channel> streamers = live.isEmpty() && category.isEmpty() ? channels.recent(8) : List.of();
                    String title = category.map(Category::name).orElse("Live now");
                    return new HomePage(
                            Layout.of(ctx, title, "home"),
                            category,
                            live,
                            streamers,
                            categories.all(),
                            clock.instant());
                })
                .compose(model -> pages.render(ctx, "home.jte", model))
                .onFailure(ctx::fail);
    }
}
