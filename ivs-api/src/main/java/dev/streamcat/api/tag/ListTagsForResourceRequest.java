package dev.streamcat.api.tag;

import org.jspecify.annotations.Nullable;

/** Lists the tags of a resource. */
public record ListTagsForResourceRequest(@Nullable String resourceArn) {}
