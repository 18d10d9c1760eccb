package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.function.Consumer;

/**
 * How one room's broadcast frames reach its connections on this node. The room tells it who joined and left and hands
 * it every frame for everyone ({@code MESSAGE}, {@code EVENT}); frames for one connection (errors, history replay) go
 * through {@link ChatConnection#send} instead. {@link #direct} calls {@link ChatConnection#send} for each connection;
 * a transport can do better (the WebSocket gateway batches frames per event loop and writes them once per tick).
 *
 * <p>Implementations must be thread-safe and never block; frames delivered to one room must reach each connection in
 * delivery order, and before anything later sent to that connection with {@link ChatConnection#send} or
 * {@link ChatConnection#disconnect}.
 */
public interface Fanout extends AutoCloseable {

    /** Starts delivering to {@code connection}. Called once, before any frame for it. */
    void join(ChatConnection connection);

    /** Stops delivering to {@code connection}. */
    void leave(ChatConnection connection);

    /** Delivers {@code frame} to every joined connection (possibly later, in a batch). */
    void deliver(EncodedFrame frame);

    /** Stops delivering (the room closed); frames not yet written may be dropped. Idempotent. */
    @Override
    void close();

    /** Creates the fan-out of one room. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param roomId the room
         * @param slowConsumer called (from any thread) with a connection that cannot keep up; the room removes and
         *     disconnects it
         */
        Fanout create(String roomId, Consumer<ChatConnection> slowConsumer);
    }

    /** A fan-out that calls {@link ChatConnection#send} for every connection, on the delivering thread. */
    static Factory direct() {
        return (roomId, slowConsumer) -> new DirectFanout(slowConsumer);
    }
}
