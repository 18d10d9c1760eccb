package dev.streamcat.chat.review;

import dev.streamcat.chat.protocol.ChatAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a room's review policy around a {@link MessageReviewHandler}: a deadline (IVS: 200 ms, not adjustable),
 * the room's {@link FallbackResult} on timeout, failure or an invalid answer, and validation of an {@code ALLOW}
 * answer (content non-empty and within the room's {@code maximumMessageLength} in code points; attributes within
 * {@link ReviewBounds}). The returned stage always completes normally.
 *
 * <p>Thread-safe. Continuations run on the thread that completes the handler's stage, or on the JDK's
 * {@link CompletableFuture} delay thread after a timeout; callers must not block there.
 */
public final class MessageReviewer {
    /** The IVS review deadline. */
    public static final Duration IVS_DEADLINE = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(MessageReviewer.class);

    private final MessageReviewHandler handler;
    private final FallbackResult fallback;
    private final Duration deadline;
    private final ReviewBounds bounds;

    public MessageReviewer(
            MessageReviewHandler handler, FallbackResult fallback, Duration deadline, ReviewBounds bounds) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }

    /** A reviewer with the IVS deadline and default bounds. */
    public static MessageReviewer of(MessageReviewHandler handler, FallbackResult fallback) {
        return new MessageReviewer(handler, fallback, IVS_DEADLINE, ReviewBounds.defaults());
    }

    /** The fallback used when the handler does not give a valid answer in time. */
    public FallbackResult fallback() {
        return fallback;
    }

    /**
     * Reviews {@code request}; never completes exceptionally.
     *
     * @param maxLength the room's current {@code maximumMessageLength}
     */
    public CompletionStage<ReviewVerdict> review(ReviewRequest request, int maxLength) {
        CompletableFuture<ReviewVerdict> answer;
        try {
            answer = handler.review(request).toCompletableFuture().copy();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(fallback(request, "handler threw", e));
        }
        return answer.orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS).handle((verdict, failure) -> {
            if (failure != null) {
                return fallback(request, "handler failed or timed out", failure);
            }
            if (verdict == null) {
                return fallback(request, "handler answered null", null);
            }
            return validate(request, verdict, maxLength);
        });
    }

    private ReviewVerdict validate(ReviewRequest request, ReviewVerdict verdict, int maxLength) {
        return switch (verdict) {
            case ReviewVerdict.Deny deny -> deny;
            case ReviewVerdict.Allow allow -> {
                int length = ChatAttributes.codePoints(allow.content());
                if (length == 0 || length > maxLength) {
                    yield fallback(request, "content length " + length + " outside 1-" + maxLength, null);
                }
                if (allow.attributes().size() > bounds.maxAttributes()
                        || ChatAttributes.utf8Size(allow.attributes()) > bounds.maxAttributesBytes()) {
                    yield fallback(request, "attributes too large", null);
                }
                yield allow;
            }
        };
    }

    private ReviewVerdict fallback(ReviewRequest request, String why, @Nullable Throwable failure) {
        if (failure != null) {
            LOG.warn(
                    "Review of message {} fell back to {}: {} ({})",
                    request.messageId(),
                    fallback,
                    why,
                    failure.toString());
        } else {
            LOG.warn("Review of message {} fell back to {}: {}", request.messageId(), fallback, why);
        }
        return switch (fallback) {
            case ALLOW -> request.allowUnchanged();
            case DENY -> new ReviewVerdict.Deny();
        };
    }
}
