package dev.streamcat.app.channel;

/** A browse category (seeded by the migration like the StreamCat sample). Immutable. */
public record Category(int id, String name, String slug) {}
