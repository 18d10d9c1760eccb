package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The DeleteLoggingConfigurationRequest shape of the API. */
public record DeleteLoggingConfigurationRequest(@Nullable String identifier) {}
