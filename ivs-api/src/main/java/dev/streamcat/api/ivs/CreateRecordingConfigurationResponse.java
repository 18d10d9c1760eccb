package dev.streamcat.api.ivs;

/** The CreateRecordingConfigurationResponse shape of the API. */
public record CreateRecordingConfigurationResponse(RecordingConfiguration recordingConfiguration) {}
