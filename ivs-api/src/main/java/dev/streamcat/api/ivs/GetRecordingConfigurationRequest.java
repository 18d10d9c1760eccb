package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The GetRecordingConfigurationRequest shape of the API. */
public record GetRecordingConfigurationRequest(@Nullable String arn) {}
