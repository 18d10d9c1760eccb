package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.EncodedFrame;

/**
 * Fan-out SPI between the node where a request is handled and every node holding connections of the room. The
 * in-process implementation is {@link InProcessChatBus}; a Redis implementation would {@code SPUBLISH} each message
 * on a per-room (sharded) channel and subscribe per room on first local subscriber. Delivery is at most once and in
 * publish order per room and publisher.
 *
 * <p>Implementations must be thread-safe; listeners may be called on any thread and must not block.
 */
public interface ChatBus {

    /** Publishes {@code message} to all subscribers of {@code roomId} (on every node). */
    void publish(String roomId, BusMessage message);

    /** Publishes a frame for plain delivery. */
    default void publish(String roomId, EncodedFrame frame) {
        publish(roomId, new BusMessage.Deliver(frame));
    }

    /** Subscribes {@code listener} to {@code roomId} until the subscription is closed. */
    Subscription subscribe(String roomId, Listener listener);

    /** Receives bus messages of one room. Must be thread-safe and must not block. */
    @FunctionalInterface
    interface Listener {
        void onMessage(BusMessage message);
    }

    /** A live subscription; closing it is idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
