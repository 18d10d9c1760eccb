package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link Fanout#direct()}: {@link ChatConnection#send} for every joined connection, on the delivering thread; a
 * connection whose queue is full is reported as a slow consumer.
 *
 * <p>Thread-safe: a concurrent set iterated weakly consistently, so a connection joining during a delivery may or may
 * not receive that frame.
 */
final class DirectFanout implements Fanout {
    private final Set<ChatConnection> connections = ConcurrentHashMap.newKeySet();
    private final Consumer<ChatConnection> slowConsumer;

    DirectFanout(Consumer<ChatConnection> slowConsumer) {
        this.slowConsumer = Objects.requireNonNull(slowConsumer, "slowConsumer");
    }

    @Override
    public void join(ChatConnection connection) {
        connections.add(connection);
    }

    @Override
    public void leave(ChatConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void deliver(EncodedFrame frame) {
        for (ChatConnection connection : connections) {
            if (!connection.send(frame)) {
                slowConsumer.accept(connection);
            }
        }
    }

    @Override
    public void close() {
        connections.clear();
    }
}
