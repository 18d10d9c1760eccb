package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The GetStreamSessionRequest shape of the API; without {@code streamId}, the latest session. */
public record GetStreamSessionRequest(@Nullable String channelArn, @Nullable String streamId) {}
