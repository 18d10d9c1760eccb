package dev.streamcat.api.ivs;

/** The GetStreamKeyResponse shape of the API. */
public record GetStreamKeyResponse(StreamKey streamKey) {}
