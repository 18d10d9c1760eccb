package dev.streamcat.api.tag;

import java.util.Map;

/** The tags of a resource. */
public record ListTagsForResourceResponse(Map<String, String> tags) {}
