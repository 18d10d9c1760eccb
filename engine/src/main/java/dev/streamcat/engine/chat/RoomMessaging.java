package dev.streamcat.engine.chat;

import java.util.Map;

/**
 * What the control API asks of the chat gateway: deliver an application event, delete a message,
 * disconnect a user, in one room. Implementations are thread-safe and never block for long.
 */
public interface RoomMessaging {
    /** For an engine without a chat gateway: no connections, so nobody to deliver to. */
    RoomMessaging NO_CONNECTIONS = new RoomMessaging() {
        @Override
        public void sendEvent(String roomArn, String eventId, String eventName, Map<String, String> attributes) {}

        @Override
        public void deleteMessage(String roomArn, String eventId, String messageId, String reason) {}

        @Override
        public void disconnectUser(String roomArn, String userId, String reason) {}
    };

    void sendEvent(String roomArn, String eventId, String eventName, Map<String, String> attributes);

    void deleteMessage(String roomArn, String eventId, String messageId, String reason);

    void disconnectUser(String roomArn, String userId, String reason);
}
