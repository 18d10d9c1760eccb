package dev.streamcat.api.ivs;

/** The audio track of an ingest: codec (e.g. {@code mp4a.40.2}), channels, sample rate, measured bit rate. */
public record AudioConfiguration(long channels, String codec, long sampleRate, long targetBitrate, String track) {}
