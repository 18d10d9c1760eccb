package dev.streamcat.api.ivs;

import java.util.List;

/** The BatchGetChannelResponse shape of the API. */
public record BatchGetChannelResponse(List<Channel> channels, List<BatchError> errors) {}
