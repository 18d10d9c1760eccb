package dev.streamcat.app.channel;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code app_categories} table, read once at start-up (categories change only by migration).
 * Thread-safe and immutable after construction; the constructor blocks (JDBC).
 */
public final class CategoryStore {
    /** New channels start here, as in the sample. */
    public static final String DEFAULT_SLUG = "just-chatting";

    private final List<Category> all;

    public CategoryStore(Jdbi jdbi) {
        this.all = jdbi.withHandle(h -> h.createQuery("SELECT id, name, slug FROM app_categories ORDER BY sort_order")
                .map((rs, ctx) -> new Category(rs.getInt("id"), rs.getString("name"), rs.getString("slug")))
                .list());
    }

    public List<Category> all() {
        return all;
    }

    public Optional<Category> bySlug(String slug) {
        return all.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public Optional<Category> byId(int id) {
        return all.stream().filter(c -> c.id() == id).findFirst();
    }

    public Category defaultCategory() {
        return bySlug(DEFAULT_SLUG).orElse(all.getFirst());
    }
}
