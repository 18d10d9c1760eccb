package dev.streamcat.api.ivs;

/** One failed item of a batch get. */
public record BatchError(String arn, String code, String message) {}
