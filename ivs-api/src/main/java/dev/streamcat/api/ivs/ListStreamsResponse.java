package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListStreamsResponse shape of the API. */
public record ListStreamsResponse(List<StreamSummary> streams, @Nullable String nextToken) {}
