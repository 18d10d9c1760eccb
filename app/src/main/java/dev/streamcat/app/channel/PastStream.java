package dev.streamcat.app.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One broadcast of a channel, with the title and category it had when it started. Immutable. */
public record PastStream(
        String streamId,
        String title,
        String categoryName,
        Instant startedAt,
        Optional<Instant> endedAt,
        int peakViewers) {

    public boolean live() {
        return endedAt.isEmpty();
    }

    /** How long it lasted ("1 h 05 min"), or "live" while it is on air. */
    public String duration() {
        return endedAt.map(end -> Durations.human(Duration.between(startedAt, end)))
                .orElse("live");
    }

    public String startedIso() {
        return startedAt.toString();
    }
}
