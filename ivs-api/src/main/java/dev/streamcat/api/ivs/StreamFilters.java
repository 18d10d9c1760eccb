package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The {@code filterBy} member of {@code ListStreams}: {@code HEALTHY}, {@code STARVING} or {@code UNKNOWN}. */
public record StreamFilters(@Nullable String health) {}
