package dev.streamcat.chat.room;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one room on this node, each with its flood guard, and delivery to them: broadcast frames through
 * the room's {@link Fanout}, single frames through {@link ChatConnection#send}. A connection that cannot keep up (a
 * full queue, reported by either path) is removed and disconnected as a slow consumer.
 *
 * <p>Thread-safe: a concurrent map keyed by connection identity; a connection joining during a delivery may or may not
 * receive that frame.
 */
final class RoomMembers {
    private final ConcurrentHashMap<ChatConnection, FloodGuard> members = new ConcurrentHashMap<>();
    private final Fanout fanout;

    RoomMembers(Fanout.Factory fanouts, String roomId) {
        this.fanout = fanouts.create(roomId, connection -> disconnect(connection, DisconnectCause.SLOW_CONSUMER));
    }

    boolean add(ChatConnection connection, FloodGuard guard) {
        if (members.putIfAbsent(connection, guard) != null) {
            return false;
        }
        fanout.join(connection);
        return true;
    }

    boolean remove(ChatConnection connection) {
        if (members.remove(connection) == null) {
            return false;
        }
        fanout.leave(connection);
        return true;
    }

    Optional<FloodGuard> guard(ChatConnection connection) {
        return Optional.ofNullable(members.get(connection));
    }

    int size() {
        return members.size();
    }

    /** Sends {@code frame} to everyone (through the fan-out, which reports slow consumers itself). */
    void deliver(EncodedFrame frame) {
        fanout.deliver(frame);
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

    /** Removes and disconnects everyone, then stops the fan-out. */
    void disconnectAll(DisconnectCause cause) {
        for (ChatConnection connection : members.keySet()) {
            disconnect(connection, cause);
        }
        fanout.close();
    }

    boolean disconnect(ChatConnection connection, DisconnectCause cause) {
        if (!remove(connection)) {
            return false;
        }
        connection.disconnect(cause);
        return true;
    }
}
