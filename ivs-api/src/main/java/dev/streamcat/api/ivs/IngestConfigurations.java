package dev.streamcat.api.ivs;

import java.util.List;

/** Every ingested track (one of each without multitrack input). */
public record IngestConfigurations(
        List<VideoConfiguration> videoConfigurations, List<AudioConfiguration> audioConfigurations) {}
