package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.limit.RoomLimits;
import dev.streamcat.chat.review.FallbackResult;
import dev.streamcat.chat.review.MessageReviewer;
import dev.streamcat.chat.review.ReviewHandlerResolver;
import dev.streamcat.chat.room.RoomSettings;
import dev.streamcat.engine.chat.LoggingConfigurationRow;
import dev.streamcat.engine.chat.RoomRow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored IVS room into the chat core's {@link RoomSettings}: its limits, its review pipeline (the {@code
 * messageReviewHandler.uri} resolved by {@link ReviewHandlerResolver}: mapped Lambda function names, built-in handlers
 * or {@code http(s)://} webhooks, wrapped in a {@link MessageReviewer} with the IVS 200 ms deadline and the room's
 * {@code fallbackResult}), the shared sinks of its logging configurations and the configured history size.
 *
 * <p>Thread-safe; may open log sinks (file I/O), so call it off the event loop.
 */
final class RoomSettingsFactory {
    private final ReviewHandlerResolver resolver;
    private final LogSinks sinks;
    private final int historySize;

    RoomSettingsFactory(ReviewHandlerResolver resolver, LogSinks sinks, int historySize) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.historySize = historySize;
    }

    RoomSettings settings(RoomRow room, List<LoggingConfigurationRow> logging) {
        var limits = new RoomLimits(room.maxMessageRate(), room.maxMessageLength());
        Optional<MessageReviewer> reviewer = Optional.ofNullable(room.reviewUri())
                .flatMap(resolver::resolve)
                .map(handler -> MessageReviewer.of(handler, fallback(room.reviewFallback())));
        return new RoomSettings(room.id(), room.arn(), limits, reviewer, sinks.sinks(logging), historySize);
    }

    private static FallbackResult fallback(@Nullable String stored) {
        return "DENY".equals(stored) ? FallbackResult.DENY : FallbackResult.ALLOW;
    }
}
