package dev.streamcat.app.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A StreamCat channel as the app keeps it: the IVS channel's ARN and playback URL, the stream key's
 * ARN (its secret value stays in the engine), the chat room's ARN, and what viewers see. Immutable.
 */
public record Channel(
        long id,
        long userId,
        String name,
        String arn,
        String playbackUrl,
        String streamKeyArn,
        String chatRoomArn,
        String title,
        Category category,
        boolean allowGuestChat,
        boolean live,
        Optional<Instant> liveSince,
        int viewerCount) {

    /** "12 min", "1 h 05 min": how long the channel has been live at {@code now}, or empty. */
    public String liveFor(Instant now) {
        return liveSince
                .map(since -> Durations.human(Duration.between(since, now)))
                .orElse("");
    }

    public String liveSinceIso() {
        return liveSince.map(Instant::toString).orElse("");
    }

    /** The channel's initial for its avatar. */
    public String initial() {
        return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    /** A stable hue (0–359) for the channel's avatar and placeholder art. */
    public int hue() {
        return Math.floorMod(name.toLowerCase(java.util.Locale.ROOT).hashCode(), 360);
    }
}
