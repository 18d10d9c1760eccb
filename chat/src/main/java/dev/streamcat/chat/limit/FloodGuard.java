package dev.streamcat.chat.limit;

import java.util.Objects;

/**
 * Per-connection flood protection for every client action (IVS publishes no per-connection limit; these are
 * StreamCat's). Two token buckets:
 *
 * <ul>
 *   <li>actions: {@link FloodPolicy#actionsPerSecond()} sustained, {@link FloodPolicy#actionBurst()} burst (default
 *       20/s, burst 40); an action over it is {@link Verdict#THROTTLE throttled} (answered 429);
 *   <li>strikes: each throttled action costs a strike from a bucket of {@link FloodPolicy#strikeBurst()} (default 20)
 *       refilled at {@link FloodPolicy#strikesPerSecond()} (default 1/s); when strikes run out the verdict is
 *       {@link Verdict#DISCONNECT} — a client that keeps hammering after being told is cut off, one that bumps into
 *       the limit now and then is not.
 * </ul>
 *
 * <p>Thread-safe and lock-free (normally used by one connection's event loop).
 */
public final class FloodGuard {

    /** The outcome for one action. */
    public enum Verdict {
        ALLOW,
        THROTTLE,
        DISCONNECT
    }

    /**
     * Flood settings.
     *
     * <p>Immutable; thread-safe.
     */
    public record FloodPolicy(double actionsPerSecond, int actionBurst, double strikesPerSecond, int strikeBurst) {
        public FloodPolicy {
            if (!(actionsPerSecond > 0) || !(strikesPerSecond > 0) || actionBurst < 1 || strikeBurst < 1) {
                throw new IllegalArgumentException("flood policy rates and bursts must be positive");
            }
        }

        /** 20 actions/s with a burst of 40; 20 strikes, refilled at 1/s. */
        public static FloodPolicy defaults() {
            return new FloodPolicy(20, 40, 1, 20);
        }
    }

    private final RateLimiter actions;
    private final RateLimiter strikes;

    public FloodGuard(FloodPolicy policy, Ticker ticker) {
        Objects.requireNonNull(policy, "policy");
        this.actions = new RateLimiter(policy.actionsPerSecond(), policy.actionBurst(), ticker);
        this.strikes = new RateLimiter(policy.strikesPerSecond(), policy.strikeBurst(), ticker);
    }

    /** Accounts for one incoming action. */
    public Verdict onAction() {
        if (actions.tryAcquire()) {
            return Verdict.ALLOW;
        }
        return strikes.tryAcquire() ? Verdict.THROTTLE : Verdict.DISCONNECT;
    }
}
