package dev.streamcat.api.ivschat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateRoomRequest shape of the API. */
public record CreateRoomRequest(
        @Nullable String name,
        @Nullable Integer maximumMessageRatePerSecond,
        @Nullable Integer maximumMessageLength,
        @Nullable MessageReviewHandler messageReviewHandler,
        @Nullable Map<String, String> tags,
        @Nullable List<String> loggingConfigurationIdentifiers) {}
