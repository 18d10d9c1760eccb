package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ListRecordingConfigurationsResponse shape of the API. */
public record ListRecordingConfigurationsResponse(
        List<RecordingConfigurationSummary> recordingConfigurations, @Nullable String nextToken) {}
