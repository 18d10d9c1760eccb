package dev.streamcat.api.ivs;

/** The GetStreamSessionResponse shape of the API. */
public record GetStreamSessionResponse(StreamSession streamSession) {}
