package dev.streamcat.api.ivs;

import java.util.Map;

/** A recording configuration as listed. */
public record RecordingConfigurationSummary(
        String arn,
        DestinationConfiguration destinationConfiguration,
        String state,
        String name,
        Map<String, String> tags) {}
