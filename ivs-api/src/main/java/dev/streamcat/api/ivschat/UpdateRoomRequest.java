package dev.streamcat.api.ivschat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The UpdateRoomRequest shape of the API. */
public record UpdateRoomRequest(
        @Nullable String identifier,
        @Nullable String name,
        @Nullable Integer maximumMessageRatePerSecond,
        @Nullable Integer maximumMessageLength,
        @Nullable MessageReviewHandler messageReviewHandler,
        @Nullable List<String> loggingConfigurationIdentifiers) {}
