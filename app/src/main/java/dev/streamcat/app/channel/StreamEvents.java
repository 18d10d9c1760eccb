package dev.streamcat.app.channel;

/**
 * Where the engine's stream-state events reach the app (in process today; an EventBridge-style
 * webhook or queue consumer can call it too). Implementations must not block the caller: they hand
 * the event to their own thread and return.
 */
@FunctionalInterface
public interface StreamEvents {
    void onStreamStateChange(StreamStateChange event);

    /** Delivers to {@code this}, then to {@code next}. */
    default StreamEvents andThen(StreamEvents next) {
        return event -> {
            onStreamStateChange(event);
            next.onStreamStateChange(event);
        };
    }
}
