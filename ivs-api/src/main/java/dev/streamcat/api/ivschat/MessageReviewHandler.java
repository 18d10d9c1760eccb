package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** The handler every message goes through before delivery. */
public record MessageReviewHandler(@Nullable String uri, @Nullable String fallbackResult) {}
