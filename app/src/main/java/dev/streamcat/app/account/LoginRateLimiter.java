package dev.streamcat.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per username and client address: after {@code maxFailures} failures within
 * {@code window}, further attempts for that pair are refused until the oldest failure leaves the
 * window. A success clears the pair. Keyed by both so that one attacker cannot lock a streamer out
 * from everywhere, and one address cannot try many passwords for one account.
 *
 * <p>In memory (a restart forgets failures; a fleet of app nodes needs a shared store such as Redis).
 * Thread-safe; non-blocking; time from the injected clock.
 */
public final class LoginRateLimiter {
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginRateLimiter(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long this pair must wait, or empty when it may try now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.get(key(username, address));
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    public void recordSuccess(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\n" + address;
    }
}
