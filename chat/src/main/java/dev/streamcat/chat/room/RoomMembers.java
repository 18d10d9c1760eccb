package dev.streamcat.chat.room;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one room on this node, each with its flood guard, and delivery to them. A connection whose
 * {@link ChatConnection#send} reports a full queue is removed and disconnected as a slow consumer.
 *
 * <p>Thread-safe: a concurrent map keyed by connection identity; delivery iterates a weakly consistent view, so a
 * connection joining during a delivery may or may not receive that frame.
 */
final class RoomMembers {
    private final ConcurrentHashMap<ChatConnection, FloodGuard> members = new ConcurrentHashMap<>();

    boolean add(ChatConnection connection, FloodGuard guard) {
        return members.putIfAbsent(connection, guard) == null;
    }

    boolean remove(ChatConnection connection) {
        return members.remove(connection) != null;
    }

    Optional<FloodGuard> guard(ChatConnection connection) {
        return Optional.ofNullable(members.get(connection));
    }

    int size() {
        return members.size();
    }

    /** Sends {@code frame} to everyone; returns the number of connections dropped as slow. */
    int deliver(EncodedFrame frame) {
        int dropped = 0;
        for (ChatConnection connection : members.keySet()) {
            if (!sendOrDrop(connection, frame)) {
                dropped++;
            }
        }
        return dropped;
    }

    /** Sends to one connection; drops it as a slow consumer (and returns false) when its queue is full. */
    boolean sendOrDrop(ChatConnection connection, EncodedFrame frame) {
        if (connection.send(frame)) {
            return true;
        }
        disconnect(connection, DisconnectCause.SLOW_CONSUMER);
        return false;
    }

    /** Removes and disconnects every connection of {@code userId}; returns how many. */
    int disconnectUser(String userId, DisconnectCause cause) {
        int count = 0;
        for (ChatConnection connection : members.keySet()) {
            if (connection.userId().equals(userId) && disconnect(connection, cause)) {
                count++;
            }
        }
        return count;
    }

    /** Removes and disconnects everyone. */
    void disconnectAll(DisconnectCause cause) {
        for (ChatConnection connection : members.keySet()) {
            disconnect(connection, cause);
        }
    }

    boolean disconnect(ChatConnection connection, DisconnectCause cause) {
        if (members.remove(connection) == null) {
            return false;
        }
        connection.disconnect(cause);
        return true;
    }
}
