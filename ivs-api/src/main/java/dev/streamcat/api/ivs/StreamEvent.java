package dev.streamcat.api.ivs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event of a stream session, e.g. {@code name} "Stream Start", {@code type} "IVS Stream State
 * Change"; {@code code} names the error of a failure event.
 */
public record StreamEvent(String name, String type, Instant eventTime, @Nullable String code) {}
