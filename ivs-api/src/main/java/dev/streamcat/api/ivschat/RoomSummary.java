package dev.streamcat.api.ivschat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A room as listed. */
public record RoomSummary(
        String arn,
        String id,
        String name,
        @Nullable MessageReviewHandler messageReviewHandler,
        Instant createTime,
        Instant updateTime,
        Map<String, String> tags,
        List<String> loggingConfigurationIdentifiers) {}
