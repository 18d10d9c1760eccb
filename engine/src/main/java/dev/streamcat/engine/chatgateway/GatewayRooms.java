package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.room.Room;
import dev.streamcat.chat.room.RoomRegistry;
import dev.streamcat.chat.room.RoomSettings;
import dev.streamcat.engine.chat.IvsChatService;
import dev.streamcat.engine.chat.RoomRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat-core rooms of this node, by IVS room ARN: a room is opened on first use (a connection or a messaging API
 * call) with settings read from the engine's tables, refreshed when the room or one of its logging configurations
 * changes, and closed when the room is deleted.
 *
 * <p>Thread-safe. {@link #open}, {@link #refresh}, {@link #delete} and {@link #loggingConfigurationChanged} read the
 * database and are serialised on this object, so a room deleted while it is being opened cannot stay open with stale
 * settings; call them off the event loop. {@link #loaded} never blocks.
 */
final class GatewayRooms implements AutoCloseable {
    private final IvsChatService service;
    private final RoomSettingsFactory factory;
    private final RoomRegistry registry;
    /** Open rooms by ARN → the logging configuration ARNs their settings were built from. */
    private final Map<String, List<String>> openRooms = new ConcurrentHashMap<>();

    GatewayRooms(IvsChatService service, RoomSettingsFactory factory, RoomRegistry registry) {
        this.service = Objects.requireNonNull(service, "service");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The engine's chat service (room and logging configuration rows). */
    IvsChatService service() {
        return service;
    }

    /** The room if it is open on this node. Non-blocking. */
    Optional<Room> loaded(String roomArn) {
        return registry.room(roomId(roomArn));
    }

    /** The open room, opened from the database when needed; empty when the room does not exist. Blocking. */
    synchronized Optional<Room> open(String roomArn) {
        Optional<Room> room = loaded(roomArn);
        if (room.isPresent()) {
            return room;
        }
        return service.roomSettings(roomArn).map(this::openRow);
    }

    private Room openRow(RoomRow row) {
        RoomSettings settings = factory.settings(row, service.loggingConfigurations(row.loggingConfigurationArns()));
        Room room = registry.open(settings);
        openRooms.put(row.arn(), row.loggingConfigurationArns());
        return room;
    }

    /** Re-reads an open room's settings (UpdateRoom); closes it when it no longer exists. Blocking. */
    synchronized void refresh(String roomArn) {
        if (loaded(roomArn).isEmpty()) {
            return;
        }
        service.roomSettings(roomArn).ifPresentOrElse(this::openRow, () -> delete(roomArn));
    }

    /** Closes the room (DeleteRoom): its connections here are closed with {@link CloseReason#ROOM_CLOSED}. */
    synchronized void delete(String roomArn) {
        openRooms.remove(roomArn);
        registry.close(roomId(roomArn));
    }

    /** Refreshes every open room that logs to {@code loggingConfigurationArn}. Blocking. */
    synchronized void loggingConfigurationChanged(String loggingConfigurationArn) {
        for (var entry : List.copyOf(openRooms.entrySet())) {
            if (entry.getValue().contains(loggingConfigurationArn)) {
                refresh(entry.getKey());
            }
        }
    }

    /** Closes every room. */
    @Override
    public synchronized void close() {
        openRooms.clear();
        registry.close();
    }

    private static String roomId(String roomArn) {
        return roomArn.substring(roomArn.lastIndexOf('/') + 1);
    }
}
