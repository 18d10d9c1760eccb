package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Thumbnail settings of a recording configuration. */
public record ThumbnailConfiguration(
        @Nullable String recordingMode,
        @Nullable Long targetIntervalSeconds,
        @Nullable String resolution,
        @Nullable List<String> storage) {}
