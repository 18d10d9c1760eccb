package dev.streamcat.engine.chat;

import dev.streamcat.engine.resource.ResourceIds;
import java.util.Map;

/**
 * What the control plane asks of, and tells, the chat gateway: deliver an application event, delete a message,
 * disconnect a user, in one room; and a room or logging configuration changed, so open rooms pick up new settings.
 * Implementations are thread-safe and may block briefly (the control API calls them on worker threads).
 */
public interface RoomMessaging {
    /** For an engine without a chat gateway: no connections, so nobody to deliver to. */
    RoomMessaging NO_CONNECTIONS = new RoomMessaging() {
        @Override
        public String sendEvent(String roomArn, String eventName, Map<String, String> attributes) {
            return ResourceIds.newId();
        }

        @Override
        public String deleteMessage(String roomArn, String messageId, String reason) {
            return ResourceIds.newId();
        }

        @Override
        public void disconnectUser(String roomArn, String userId, String reason) {}
    };

    /** Sends an application event to the room; returns the event's {@code Id}. */
    String sendEvent(String roomArn, String eventName, Map<String, String> attributes);

    /** Sends {@code aws:DELETE_MESSAGE} for {@code messageId} ({@code reason} may be empty); returns the event's Id. */
    String deleteMessage(String roomArn, String messageId, String reason);

    /** Sends {@code aws:DISCONNECT_USER} and closes every connection of {@code userId} ({@code reason} may be empty). */
    void disconnectUser(String roomArn, String userId, String reason);

    /** The room's settings changed (UpdateRoom), after the change is committed. */
    default void roomUpdated(String roomArn) {}

    /** The room was deleted (DeleteRoom), after the change is committed. */
    default void roomDeleted(String roomArn) {}

    /** A logging configuration was updated or deleted, after the change is committed. */
    default void loggingConfigurationChanged(String loggingConfigurationArn) {}
}
