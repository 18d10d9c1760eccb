package dev.streamcat.api.ivschat;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateLoggingConfigurationRequest shape of the API. */
public record CreateLoggingConfigurationRequest(
        @Nullable String name,
        @Nullable DestinationConfiguration destinationConfiguration,
        @Nullable Map<String, String> tags) {}
