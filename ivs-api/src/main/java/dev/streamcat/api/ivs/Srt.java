package dev.streamcat.api.ivs;

/** SRT ingest endpoint and passphrase of a channel. */
public record Srt(String endpoint, String passphrase) {}
