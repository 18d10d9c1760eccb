package dev.streamcat.chat.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;

    @Test
    void roomLimitAdmitsItsRatePerSecondAcrossAllSenders() {
        RateLimiter limiter = new RoomLimits(10, 500).newRateLimiter(ticker);

        assertThat(acquired(limiter, 15)).isEqualTo(10);
        advanceMillis(100);
        assertThat(acquired(limiter, 5)).isEqualTo(1);
        advanceMillis(1000);
        assertThat(acquired(limiter, 20)).isEqualTo(10);
    }

    @Test
    void sustainsTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(100, 1, ticker);
        int admitted = 0;
        for (int ms = 0; ms < 1000; ms++) {
            admitted += limiter.tryAcquire() ? 1 : 0;
            advanceMillis(1);
        }
        assertThat(admitted).isEqualTo(100);
    }

    @Test
    void validatesIvsRoomLimitRanges() {
        assertThatThrownBy(() -> new RoomLimits(0, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomLimits(101, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomLimits(10, 501)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoomLimits.defaults()).isEqualTo(new RoomLimits(10, 500));
    }

    @Test
    void floodGuardThrottlesThenDisconnectsAPersistentFlooder() {
        var guard = new FloodGuard(new FloodGuard.FloodPolicy(20, 40, 1, 20), ticker);

        for (int i = 0; i < 40; i++) {
            assertThat(guard.onAction()).isEqualTo(FloodGuard.Verdict.ALLOW);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(guard.onAction()).isEqualTo(FloodGuard.Verdict.THROTTLE);
        }
        assertThat(guard.onAction()).isEqualTo(FloodGuard.Verdict.DISCONNECT);
    }

    @Test
    void floodGuardForgivesAnOccasionalBurst() {
        var guard = new FloodGuard(FloodGuard.FloodPolicy.defaults(), ticker);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 45; i++) {
                assertThat(guard.onAction()).isNotEqualTo(FloodGuard.Verdict.DISCONNECT);
            }
            advanceMillis(5_000);
        }
    }

    @Test
    void isSafeUnderConcurrentUse() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1, 1000, ticker);
        var admitted = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (limiter.tryAcquire()) {
                        admitted.incrementAndGet();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(admitted.get()).isEqualTo(1000);
    }

    private int acquired(RateLimiter limiter, int attempts) {
        int count = 0;
        for (int i = 0; i < attempts; i++) {
            count += limiter.tryAcquire() ? 1 : 0;
        }
        return count;
    }

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }
}
