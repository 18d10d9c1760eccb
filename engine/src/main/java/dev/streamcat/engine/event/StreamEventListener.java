package dev.streamcat.engine.event;

/**
 * Receives stream events in process (the app uses this instead of EventBridge).
 *
 * <p>Threading: called on the engine's event dispatcher thread, one event at a time, in the order the
 * events happened. May block briefly; a slow listener delays later events (never the media), and
 * events beyond the dispatcher's bounded queue are dropped. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface StreamEventListener {
    void onEvent(StreamStateEvent event);
}
