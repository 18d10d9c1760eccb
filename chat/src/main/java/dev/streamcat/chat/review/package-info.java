/**
 * The message review pipeline (IVS "message review handler"): the {@link
 * dev.streamcat.chat.review.MessageReviewHandler} SPI, the deadline/fallback/validation wrapper {@link
 * dev.streamcat.chat.review.MessageReviewer}, an HTTP webhook, the built-in profanity censor and blocked-terms filter,
 * and the resolver from a room's {@code messageReviewHandler.uri} to a handler.
 */
@NullMarked
package dev.streamcat.chat.review;

import org.jspecify.annotations.NullMarked;
