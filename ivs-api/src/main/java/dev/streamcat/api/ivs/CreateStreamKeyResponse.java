package dev.streamcat.api.ivs;

/** The CreateStreamKeyResponse shape of the API. */
public record CreateStreamKeyResponse(StreamKey streamKey) {}
