package dev.streamcat.api.ivs;

import java.util.Map;

/** A recording configuration. */
public record RecordingConfiguration(
        String arn,
        DestinationConfiguration destinationConfiguration,
        String state,
        String name,
        Map<String, String> tags,
        ThumbnailConfiguration thumbnailConfiguration,
        int recordingReconnectWindowSeconds,
        RenditionConfiguration renditionConfiguration) {}
