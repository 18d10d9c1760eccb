package dev.streamcat.api.ivschat;

/** The SendEventResponse shape of the API. */
public record SendEventResponse(String id) {}
