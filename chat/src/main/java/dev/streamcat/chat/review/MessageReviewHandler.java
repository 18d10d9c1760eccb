package dev.streamcat.chat.review;

import java.util.concurrent.CompletionStage;

/**
 * Reviews one chat message before delivery (the IVS message review handler, a Lambda on AWS). Handlers must never block
 * the calling thread (it may be an event loop): built-ins complete synchronously and cheaply, remote handlers complete
 * asynchronously. Deadlines, fallback and validation are applied by {@link MessageReviewer}, not by handlers.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MessageReviewHandler {

    /**
     * Reviews {@code request}; the stage may complete exceptionally, in which case the room's fallback applies.
     */
    CompletionStage<ReviewVerdict> review(ReviewRequest request);
}
