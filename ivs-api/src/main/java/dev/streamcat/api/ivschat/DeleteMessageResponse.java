package dev.streamcat.api.ivschat;

/** The DeleteMessageResponse shape of the API. */
public record DeleteMessageResponse(String id) {}
