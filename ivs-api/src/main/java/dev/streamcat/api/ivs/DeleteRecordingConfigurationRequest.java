package dev.streamcat.api.ivs;

import org.jspecify.annotations.Nullable;

/** The DeleteRecordingConfigurationRequest shape of the API. */
public record DeleteRecordingConfigurationRequest(@Nullable String arn) {}
