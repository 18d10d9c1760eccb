package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListStreamSessionsResponse shape of the API, newest session first. */
public record ListStreamSessionsResponse(List<StreamSessionSummary> streamSessions, @Nullable String nextToken) {}
