package dev.streamcat.chat.room;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms open on this node, keyed by room id. The engine opens a room when it is created (or first used after a
 * restart), updates it on UpdateRoom and closes it on DeleteRoom and at shutdown.
 *
 * <p>Thread-safe.
 */
public final class RoomRegistry implements AutoCloseable {
    private final ChatRuntime runtime;
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();

    public RoomRegistry(ChatRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** Opens the room, or applies {@code settings} to it when it is already open. */
    public Room open(RoomSettings settings) {
        Room room = rooms.computeIfAbsent(settings.roomId(), id -> new Room(runtime, settings));
        if (room.settings() != settings) {
            room.update(settings);
        }
        return room;
    }

    /** The open room with {@code roomId}. */
    public Optional<Room> room(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    /** All open rooms (a snapshot). */
    public List<Room> rooms() {
        return List.copyOf(rooms.values());
    }

    /** Closes the room: its connections here are disconnected with {@link DisconnectCause#ROOM_CLOSED}. */
    public void close(String roomId) {
        Room room = rooms.remove(roomId);
        if (room != null) {
            room.close();
        }
    }

    /** Closes every room. */
    @Override
    public void close() {
        for (String roomId : List.copyOf(rooms.keySet())) {
            close(roomId);
        }
    }
}
