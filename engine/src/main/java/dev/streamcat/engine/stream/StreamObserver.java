package dev.streamcat.engine.stream;

import java.util.List;

/**
 * Told about every step of every stream's life, in order per stream: {@link #sessionCreated}, then
 * {@link #streamStarted} when the first part can be played (not for streams that end before),
 * {@link #healthChanged} any number of times, then {@link #streamEnded} once.
 *
 * <p>Threading: called on ingest event loops and the health timer; implementations must be
 * thread-safe and must not block (queue the work).
 */
public interface StreamObserver {
    StreamObserver NONE = all(List.of());

    void sessionCreated(LiveStream stream);

    void streamStarted(LiveStream stream);

    void healthChanged(LiveStream stream, StreamHealth health);

    void streamEnded(LiveStream stream, StreamEnd end);

    /** Tells each of {@code observers}, in order. */
    static StreamObserver all(List<StreamObserver> observers) {
        List<StreamObserver> copy = List.copyOf(observers);
        return new StreamObserver() {
            @Override
            public void sessionCreated(LiveStream stream) {
                copy.forEach(o -> o.sessionCreated(stream));
            }

            @Override
            public void streamStarted(LiveStream stream) {
                copy.forEach(o -> o.streamStarted(stream));
            }

            @Override
            public void healthChanged(LiveStream stream, StreamHealth health) {
                copy.forEach(o -> o.healthChanged(stream, health));
            }

            @Override
            public void streamEnded(LiveStream stream, StreamEnd end) {
                copy.forEach(o -> o.streamEnded(stream, end));
            }
        };
    }
}
