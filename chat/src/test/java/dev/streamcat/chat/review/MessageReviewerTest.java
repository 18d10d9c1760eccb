package dev.streamcat.chat.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageReviewerTest {
    static final ReviewRequest REQUEST = new ReviewRequest(
            "hello",
            "AbCdEfGhIjKl",
            "arn:aws:ivschat:us-west-2:123456789012:room/AbCdEfGhIjKl",
            Map.of("a", "b"),
            "42",
            Map.of("username", "cat"),
            "127.0.0.1");

    @Test
    void passesAnAllowThrough() throws Exception {
        var reviewer =
                MessageReviewer.of(r -> done(new ReviewVerdict.Allow("HELLO", Map.of("c", "d"))), FallbackResult.DENY);

        assertThat(verdict(reviewer, 500)).isEqualTo(new ReviewVerdict.Allow("HELLO", Map.of("c", "d")));
    }

    @Test
    void passesADenyThrough() throws Exception {
        var reviewer = MessageReviewer.of(r -> done(new ReviewVerdict.Deny()), FallbackResult.ALLOW);

        assertThat(verdict(reviewer, 500)).isEqualTo(new ReviewVerdict.Deny());
    }

    @Test
    void fallsBackWhenTheHandlerMissesTheDeadline() throws Exception {
        var never = new CompletableFuture<ReviewVerdict>();
        var allow =
                new MessageReviewer(r -> never, FallbackResult.ALLOW, Duration.ofMillis(20), ReviewBounds.defaults());
        var deny = new MessageReviewer(r -> never, FallbackResult.DENY, Duration.ofMillis(20), ReviewBounds.defaults());

        assertThat(verdict(allow, 500)).isEqualTo(REQUEST.allowUnchanged());
        assertThat(verdict(deny, 500)).isEqualTo(new ReviewVerdict.Deny());
        assertThat(never).isNotDone();
    }

    @Test
    void fallsBackWhenTheHandlerFailsOrThrows() throws Exception {
        var failing = MessageReviewer.of(
                r -> CompletableFuture.failedFuture(new IllegalStateException("boom")), FallbackResult.DENY);
        var throwing = MessageReviewer.of(
                r -> {
                    throw new IllegalStateException("boom");
                },
                FallbackResult.ALLOW);

        assertThat(verdict(failing, 500)).isEqualTo(new ReviewVerdict.Deny());
        assertThat(verdict(throwing, 500)).isEqualTo(REQUEST.allowUnchanged());
    }

    @Test
    void fallsBackWhenAnAllowBreaksTheRoomLimits() throws Exception {
        var tooLong =
                MessageReviewer.of(r -> done(new ReviewVerdict.Allow("🐱".repeat(11), Map.of())), FallbackResult.DENY);
        var empty = MessageReviewer.of(r -> done(new ReviewVerdict.Allow("", Map.of())), FallbackResult.DENY);
        var fatAttributes = MessageReviewer.of(
                r -> done(new ReviewVerdict.Allow("ok", Map.of("k", "v".repeat(2000)))), FallbackResult.DENY);
        var fits =
                MessageReviewer.of(r -> done(new ReviewVerdict.Allow("🐱".repeat(10), Map.of())), FallbackResult.DENY);

        assertThat(verdict(tooLong, 10)).isEqualTo(new ReviewVerdict.Deny());
        assertThat(verdict(empty, 10)).isEqualTo(new ReviewVerdict.Deny());
        assertThat(verdict(fatAttributes, 10)).isEqualTo(new ReviewVerdict.Deny());
        assertThat(verdict(fits, 10)).isInstanceOf(ReviewVerdict.Allow.class);
    }

    private static CompletableFuture<ReviewVerdict> done(ReviewVerdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }

    private static ReviewVerdict verdict(MessageReviewer reviewer, int maxLength) throws Exception {
        return reviewer.review(REQUEST, maxLength).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
