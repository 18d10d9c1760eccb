package dev.streamcat.server;

import dev.streamcat.app.channel.StreamEvents;
import dev.streamcat.app.channel.StreamStateChange;
import dev.streamcat.engine.event.StreamEventListener;
import dev.streamcat.engine.event.StreamStateEvent;

/**
 * Hands the engine's in-process stream events to the app: each {@code IVS Stream State Change} with
 * an {@code event_name} the app knows becomes a {@link StreamStateChange}; health changes and
 * unknown names are left out. Stateless; runs on the engine's event dispatcher thread and does not
 * block (the app queues the event).
 */
final class AppEvents {
    private AppEvents() {}

    static StreamEventListener forwardTo(StreamEvents app) {
        return event -> translate(event).ifPresent(app::onStreamStateChange);
    }

    static java.util.Optional<StreamStateChange> translate(StreamStateEvent event) {
        if (!"IVS Stream State Change".equals(event.detailType())
                || event.resources().isEmpty()) {
            return java.util.Optional.empty();
        }
        String streamId = event.detail().getOrDefault("stream_id", "");
        return StreamStateChange.Name.fromWire(event.eventName())
                .map(name -> new StreamStateChange(event.resources().getFirst(), streamId, name, event.time()));
    }
}
