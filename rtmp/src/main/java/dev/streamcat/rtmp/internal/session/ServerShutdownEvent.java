package dev.streamcat.rtmp.internal.session;

/** User event fired into every pipeline when the server stops: live publishes end as {@code Stopped}. */
public enum ServerShutdownEvent {
    INSTANCE
}
