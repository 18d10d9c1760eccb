package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.StreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The IVS event names of each lifecycle step, shared by stream sessions ({@code truncatedEvents})
 * and EventBridge-shaped notifications, so both always tell the same story. Stateless.
 */
public final class LifecycleEvents {
    public static final String STATE_CHANGE = "IVS Stream State Change";
    public static final String HEALTH_CHANGE = "IVS Stream Health Change";

    private LifecycleEvents() {}

    public static List<StreamEvent> sessionCreated(Instant at) {
        return List.of(new StreamEvent("Session Created", STATE_CHANGE, at, null));
    }

    public static List<StreamEvent> streamStarted(Instant at) {
        return List.of(new StreamEvent("Stream Start", STATE_CHANGE, at, null));
    }

    public static List<StreamEvent> healthChanged(StreamHealth health, Instant at) {
        return switch (health) {
            case STARVING -> List.of(new StreamEvent("Starvation Start", HEALTH_CHANGE, at, null));
            case HEALTHY -> List.of(new StreamEvent("Starvation End", HEALTH_CHANGE, at, null));
            case UNKNOWN -> List.of();
        };
    }

    /** Stream Failure (if failed), Stream End (if it had started), then Session Ended. */
    public static List<StreamEvent> streamEnded(StreamEnd end, boolean started, Instant at) {
        List<StreamEvent> events = new ArrayList<>(3);
        switch (end) {
            case StreamEnd.Failure f -> events.add(new StreamEvent("Stream Failure", STATE_CHANGE, at, f.code()));
            case StreamEnd.Normal n -> {}
        }
        if (started) {
            events.add(new StreamEvent("Stream End", STATE_CHANGE, at, null));
        }
        events.add(new StreamEvent("Session Ended", STATE_CHANGE, at, null));
        return events;
    }
}
