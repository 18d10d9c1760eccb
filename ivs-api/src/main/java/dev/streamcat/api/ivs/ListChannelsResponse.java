package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListChannelsResponse shape of the API. */
public record ListChannelsResponse(List<ChannelSummary> channels, @Nullable String nextToken) {}
