package dev.streamcat.api.tag;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Removes tags of a resource (keys come from the query). */
public record UntagResourceRequest(@Nullable String resourceArn, @Nullable List<String> tagKeys) {}
