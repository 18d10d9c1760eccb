package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** Multitrack input settings of a channel. */
public record MultitrackInputConfiguration(
        @Nullable Boolean enabled, @Nullable String policy, @Nullable String maximumResolution) {}
