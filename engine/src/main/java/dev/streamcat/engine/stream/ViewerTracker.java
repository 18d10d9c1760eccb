package dev.streamcat.engine.stream;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts concurrent viewers of one stream: distinct viewer keys (client address and User-Agent) that
 * fetched the media playlist within the last {@code window}. LL-HLS players reload the playlist at
 * least every part target, so a watching player is always inside the window. Bounded to {@value
 * #MAX_VIEWERS} keys; more are not counted.
 *
 * <p>Thread-safe and non-blocking (called from HTTP event loops).
 */
final class ViewerTracker {
    static final int MAX_VIEWERS = 100_000;

    private final ConcurrentHashMap<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final long windowMs;
    private final InstantSource clock;

    ViewerTracker(Duration window, InstantSource clock) {
        this.windowMs = window.toMillis();
        this.clock = clock;
    }

    void seen(String viewerKey) {
        long now = clock.millis();
        if (lastSeen.size() >= MAX_VIEWERS && !lastSeen.containsKey(viewerKey)) {
            prune(now);
            if (lastSeen.size() >= MAX_VIEWERS) {
                return;
            }
        }
        lastSeen.put(viewerKey, now);
    }

    long count() {
        prune(clock.millis());
        return lastSeen.size();
    }

    private void prune(long now) {
        lastSeen.values().removeIf(seen -> now - seen > windowMs);
    }
}
