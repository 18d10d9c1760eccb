package dev.streamcat.api.ivs;

/** The GetChannelResponse shape of the API. */
public record GetChannelResponse(Channel channel) {}
