package dev.streamcat.api.ivs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The CreateRecordingConfigurationRequest shape of the API. */
public record CreateRecordingConfigurationRequest(
        @Nullable String name,
        @Nullable DestinationConfiguration destinationConfiguration,
        @Nullable Map<String, String> tags,
        @Nullable ThumbnailConfiguration thumbnailConfiguration,
        @Nullable Integer recordingReconnectWindowSeconds,
        @Nullable RenditionConfiguration renditionConfiguration) {}
