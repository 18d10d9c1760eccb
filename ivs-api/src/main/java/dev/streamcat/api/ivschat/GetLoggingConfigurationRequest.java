package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The GetLoggingConfigurationRequest shape of the API. */
public record GetLoggingConfigurationRequest(@Nullable String identifier) {}
