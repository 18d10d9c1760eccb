package dev.streamcat.api.ivs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of {@code ListStreamSessions}. */
public record StreamSessionSummary(
        String streamId, Instant startTime, @Nullable Instant endTime, boolean hasErrorEvent) {}
