package dev.streamcat.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginRateLimiter limiter = new LoginRateLimiter(clock, 3, Duration.ofMinutes(15));

    @Test
    void blocksAfterTooManyFailuresUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.retryAfter("Ann", "10.0.0.1")).isEmpty();
            limiter.recordFailure("ann", "10.0.0.1");
            now = now.plusSeconds(60);
        }
        assertThat(limiter.retryAfter("ANN", "10.0.0.1")).hasValue(Duration.ofMinutes(12));
        assertThat(limiter.retryAfter("ann", "10.0.0.2")).as("another address").isEmpty();
        assertThat(limiter.retryAfter("bob", "10.0.0.1")).as("another user").isEmpty();

        now = now.plus(Duration.ofMinutes(12));
        assertThat(limiter.retryAfter("ann", "10.0.0.1")).isEmpty();
    }

    @Test
    void successClearsFailures() {
        limiter.recordFailure("ann", "10.0.0.1");
        limiter.recordFailure("ann", "10.0.0.1");
        limiter.recordSuccess("ann", "10.0.0.1");
        limiter.recordFailure("ann", "10.0.0.1");

        assertThat(limiter.retryAfter("ann", "10.0.0.1")).isEmpty();
    }
}
