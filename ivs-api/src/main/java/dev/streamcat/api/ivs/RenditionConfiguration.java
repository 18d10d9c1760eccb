package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Which renditions are recorded. */
public record RenditionConfiguration(@Nullable String renditionSelection, @Nullable List<String> renditions) {}
