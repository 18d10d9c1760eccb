package dev.streamcat.api.ivschat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListLoggingConfigurationsResponse shape of the API. */
public record ListLoggingConfigurationsResponse(
        List<LoggingConfiguration> loggingConfigurations, @Nullable String nextToken) {}
