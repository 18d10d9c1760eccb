package dev.streamcat.api.ivs;

/** The CreateChannelResponse shape of the API. */
public record CreateChannelResponse(Channel channel, StreamKey streamKey) {}
