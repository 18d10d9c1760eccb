package dev.streamcat.app.home;

import dev.streamcat.app.channel.Category;
import dev.streamcat.app.channel.Channel;
import dev.streamcat.app.web.Layout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The model of {@code home.jte} and of category pages ({@code category} present). Immutable.
 *
 * @param streamers recently joined channels, shown when nobody is live
 */
public record HomePage(
        Layout layout,
        Optional<Category> category,
        List<Channel> live,
        List<Channel> streamers,
        List<Category> categories,
        Instant now) {
    public boolean isCategory() {
        return category.isPresent();
    }

    public String categoryName() {
        return category.map(Category::name).orElse("");
    }

    public boolean activeCategory(Category c) {
        return category.map(c::equals).orElse(false);
    }
}
