package dev.streamcat.api.ivs;

/** The GetRecordingConfigurationResponse shape of the API. */
public record GetRecordingConfigurationResponse(RecordingConfiguration recordingConfiguration) {}
