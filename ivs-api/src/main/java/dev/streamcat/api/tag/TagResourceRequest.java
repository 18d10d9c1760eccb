package dev.streamcat.api.tag;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Adds or replaces tags of a resource (the ARN comes from the path). */
public record TagResourceRequest(@Nullable String resourceArn, @Nullable Map<String, String> tags) {}
