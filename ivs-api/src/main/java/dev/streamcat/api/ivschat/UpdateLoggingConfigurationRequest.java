package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The UpdateLoggingConfigurationRequest shape of the API. */
public record UpdateLoggingConfigurationRequest(
        @Nullable String identifier,
        @Nullable String name,
        @Nullable DestinationConfiguration destinationConfiguration) {}
