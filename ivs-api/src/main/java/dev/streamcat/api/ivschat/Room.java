package dev.streamcat.api.ivschat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A chat room (the response of Create/Get/UpdateRoom). */
public record Room(
        String arn,
        String id,
        String name,
        Instant createTime,
        Instant updateTime,
        int maximumMessageRatePerSecond,
        int maximumMessageLength,
        @Nullable MessageReviewHandler messageReviewHandler,
        Map<String, String> tags,
        List<String> loggingConfigurationIdentifiers) {}
