package dev.streamcat.chat.room;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-process {@link ChatBus}: listeners are called synchronously on the publishing thread, in subscription order.
 * A listener that throws is logged and does not stop delivery to the others.
 *
 * <p>Thread-safe: per-room copy-on-write listener lists (subscriptions change rarely, publishes are frequent).
 */
public final class InProcessChatBus implements ChatBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessChatBus.class);

    private final ConcurrentHashMap<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String roomId, BusMessage message) {
        List<Listener> room = listeners.get(roomId);
        if (room == null) {
            return;
        }
        for (Listener listener : room) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                LOG.warn("Chat bus listener of room {} failed", roomId, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String roomId, Listener listener) {
        listeners.compute(roomId, (id, room) -> {
            List<Listener> list = room == null ? new CopyOnWriteArrayList<>() : room;
            list.add(listener);
            return list;
        });
        return () -> listeners.computeIfPresent(roomId, (id, room) -> {
            room.remove(listener);
            return room.isEmpty() ? null : room;
        });
    }
}
