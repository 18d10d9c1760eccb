package dev.streamcat.engine.chatgateway;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.chat.room.Room;
import dev.streamcat.engine.chat.RoomMessaging;
import java.util.Map;
import java.util.Objects;

/**
 * The control API's messaging operations and change notifications, carried to the chat-core rooms: SendEvent, DeleteMessage
 * ({@code aws:DELETE_MESSAGE} with both {@code MessageID} and {@code MessageId}) and DisconnectUser (the {@code
 * aws:DISCONNECT_USER} event, then a clean 1000 close of every connection of the user) open the room when needed, so
 * they are logged even when nobody is connected; UpdateRoom refreshes an open room's settings, DeleteRoom closes it.
 *
 * <p>Thread-safe; blocking (may read the database): the control API calls it on worker threads.
 */
public final class GatewayMessaging implements RoomMessaging {
    private final GatewayRooms rooms;

    GatewayMessaging(GatewayRooms rooms) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
    }

    @Override
    public String sendEvent(String roomArn, String eventName, Map<String, String> attributes) {
        return room(roomArn).sendEvent(eventName, attributes);
    }

    @Override
    public String deleteMessage(String roomArn, String messageId, String reason) {
        Room room = room(roomArn);
        return reason.isEmpty() ? room.deleteMessage(messageId) : room.deleteMessage(messageId, reason);
    }

    @Override
    public void disconnectUser(String roomArn, String userId, String reason) {
        Room room = room(roomArn);
        if (reason.isEmpty()) {
            room.disconnectUser(userId);
        } else {
            room.disconnectUser(userId, reason);
        }
    }

    @Override
    public void roomUpdated(String roomArn) {
        rooms.refresh(roomArn);
    }

    @Override
    public void roomDeleted(String roomArn) {
        rooms.delete(roomArn);
    }

    @Override
    public void loggingConfigurationChanged(String loggingConfigurationArn) {
        rooms.loggingConfigurationChanged(loggingConfigurationArn);
    }

    private Room room(String roomArn) {
        return rooms.open(roomArn)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "Room not found: " + roomArn, roomArn.substring(roomArn.lastIndexOf('/') + 1), "ROOM"));
    }
}
