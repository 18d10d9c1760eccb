package dev.streamcat.api.ivs;

/** The UpdateChannelResponse shape of the API. */
public record UpdateChannelResponse(Channel channel) {}
