package dev.streamcat.app.channel;

import java.time.Instant;
import java.util.Optional;

/**
 * An "IVS Stream State Change" event as EventBridge delivers it, reduced to what the app uses:
 * {@code resources[0]} (the channel ARN), {@code detail.stream_id}, {@code detail.event_name} and
 * {@code time}. Immutable.
 */
public record StreamStateChange(String channelArn, String streamId, Name eventName, Instant time) {

    /** The values of {@code detail.event_name}. */
    public enum Name {
        STREAM_START("Stream Start"),
        STREAM_END("Stream End"),
        STREAM_FAILURE("Stream Failure"),
        SESSION_CREATED("Session Created"),
        SESSION_ENDED("Session Ended");

        private final String wire;

        Name(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The constant for an EventBridge {@code event_name}, if it is one the app knows. */
        public static Optional<Name> fromWire(String wire) {
            for (Name name : values()) {
                if (name.wire.equals(wire)) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        }
    }
}
