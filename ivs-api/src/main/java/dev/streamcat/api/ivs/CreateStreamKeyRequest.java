package dev.streamcat.api.ivs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateStreamKeyRequest shape of the API. */
public record CreateStreamKeyRequest(@Nullable String channelArn, @Nullable Map<String, String> tags) {}
