package dev.streamcat.engine.chatgateway;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link UsedTokens} for one node: token id → expiry in a concurrent map. Expired entries are swept every {@value
 * #SWEEP_EVERY} insertions, so the map holds about as many entries as tokens used within one token validity (1 minute)
 * — at the IVS CreateChatToken quota of 200/s, about 12,000.
 *
 * <p>Thread-safe and non-blocking apart from the amortised sweep (a scan of the live entries).
 */
public final class InMemoryUsedTokens implements UsedTokens {
    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicLong insertions = new AtomicLong();
    private final InstantSource clock;

    public InMemoryUsedTokens(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean markUsed(String tokenId, Instant expiresAt) {
        if (used.putIfAbsent(tokenId, expiresAt) != null) {
            return false;
        }
        if (insertions.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        return true;
    }

    /** Forgets entries whose token has expired. */
    void sweep() {
        Instant now = clock.instant();
        used.values().removeIf(expiry -> expiry.isBefore(now));
    }

    /** Entries currently remembered. */
    int size() {
        return used.size();
    }
}
