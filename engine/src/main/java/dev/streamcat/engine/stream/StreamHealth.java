package dev.streamcat.engine.stream;

/** IVS stream health: {@code UNKNOWN} before media arrives, {@code STARVING} when ingest falls behind real time. */
public enum StreamHealth {
    HEALTHY,
    STARVING,
    UNKNOWN
}
