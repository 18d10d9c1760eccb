package dev.streamcat.chat.room;

import dev.streamcat.chat.limit.RoomLimits;
import dev.streamcat.chat.log.ChatLogSink;
import dev.streamcat.chat.review.MessageReviewer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A room's configuration as the engine derives it from the IVS room: id and ARN, limits, the review pipeline (empty
 * without {@code messageReviewHandler}), the log sinks of its logging configurations (0–3 in IVS; sinks are shared
 * between rooms and owned by the engine) and the size of the opt-in recent-message history replayed to late joiners
 * (0, the default, keeps IVS behaviour: a late joiner sees nothing).
 *
 * <p>Immutable; thread-safe.
 */
public record RoomSettings(
        String roomId,
        String roomArn,
        RoomLimits limits,
        Optional<MessageReviewer> reviewer,
        List<ChatLogSink> logSinks,
        int historySize) {

    /** Upper bound of {@link #historySize()}. */
    public static final int MAX_HISTORY = 1000;

    public RoomSettings {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(roomArn, "roomArn");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(reviewer, "reviewer");
        logSinks = List.copyOf(logSinks);
        if (historySize < 0 || historySize > MAX_HISTORY) {
            throw new IllegalArgumentException("historySize must be 0-" + MAX_HISTORY + ", was " + historySize);
        }
    }

    /** A room with IVS defaults: default limits, no review, no logging, no history. */
    public static RoomSettings of(String roomId, String roomArn) {
        return new RoomSettings(roomId, roomArn, RoomLimits.defaults(), Optional.empty(), List.of(), 0);
    }

    /** A copy with other limits. */
    public RoomSettings withLimits(RoomLimits newLimits) {
        return new RoomSettings(roomId, roomArn, newLimits, reviewer, logSinks, historySize);
    }

    /** A copy with a review pipeline. */
    public RoomSettings withReviewer(MessageReviewer newReviewer) {
        return new RoomSettings(roomId, roomArn, limits, Optional.of(newReviewer), logSinks, historySize);
    }

    /** A copy with other log sinks. */
    public RoomSettings withLogSinks(List<ChatLogSink> newSinks) {
        return new RoomSettings(roomId, roomArn, limits, reviewer, newSinks, historySize);
    }

    /** A copy with a recent-message history of {@code size} messages (0 turns it off). */
    public RoomSettings withHistorySize(int size) {
        return new RoomSettings(roomId, roomArn, limits, reviewer, logSinks, size);
    }
}
