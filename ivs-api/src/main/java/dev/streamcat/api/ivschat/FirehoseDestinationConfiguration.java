package dev.streamcat.api.ivschat;

import org.jspecify.annotations.Nullable;

/** A delivery stream for chat logs (an HTTP endpoint here). */
public record FirehoseDestinationConfiguration(@Nullable String deliveryStreamName) {}
