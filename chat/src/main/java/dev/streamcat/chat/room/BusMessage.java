package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.Objects;

/**
 * What travels on the {@link ChatBus} for a room: an encoded frame plus, for moderation events, what every node must
 * do besides delivering it. Small and serialisable (type, ids, bytes), so a cross-node bus can carry it.
 *
 * <p>Immutable values; thread-safe.
 */
public sealed interface BusMessage {

    /** The frame to deliver to every connection of the room. */
    EncodedFrame frame();

    /** Deliver a MESSAGE or an application EVENT. */
    record Deliver(EncodedFrame frame) implements BusMessage {
        public Deliver {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** Deliver the {@code aws:DELETE_MESSAGE} event and forget {@code messageId} in recent-message history. */
    record MessageDeleted(String messageId, EncodedFrame frame) implements BusMessage {
        public MessageDeleted {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** Deliver the {@code aws:DISCONNECT_USER} event, then close every connection of {@code userId}. */
    record UserDisconnected(String userId, EncodedFrame frame) implements BusMessage {
        public UserDisconnected {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(frame, "frame");
        }
    }
}
