package dev.streamcat.api.ivschat;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The SendEventRequest shape of the API. */
public record SendEventRequest(
        @Nullable String roomIdentifier, @Nullable String eventName, @Nullable Map<String, String> attributes) {}
