package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The PutMetadataRequest shape of the API: at most 1 KB of text delivered to players as timed metadata. */
public record PutMetadataRequest(@Nullable String channelArn, @Nullable String metadata) {}
