package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListStreamKeysResponse shape of the API. */
public record ListStreamKeysResponse(List<StreamKeySummary> streamKeys, @Nullable String nextToken) {}
