package dev.streamcat.engine.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored room with its logging configuration ARNs in order: the settings the chat gateway enforces. */
public record RoomRow(
        String id,
        String arn,
        String name,
        int maxMessageRate,
        int maxMessageLength,
        @Nullable String reviewUri,
        @Nullable String reviewFallback,
        long createTime,
        long updateTime,
        List<String> loggingConfigurationArns) {}
