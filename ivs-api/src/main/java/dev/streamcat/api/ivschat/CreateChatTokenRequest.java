package dev.streamcat.api.ivschat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateChatTokenRequest shape of the API. */
public record CreateChatTokenRequest(
        @Nullable String roomIdentifier,
        @Nullable String userId,
        @Nullable List<String> capabilities,
        @Nullable Integer sessionDurationInMinutes,
        @Nullable Map<String, String> attributes) {}
