package dev.streamcat.api.ivs;

/** The GetStreamResponse shape of the API. */
public record GetStreamResponse(Stream stream) {}
