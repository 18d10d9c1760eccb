package dev.streamcat.chat.protocol;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request a chat client sends over the WebSocket (IVS Chat Messaging API, client → server frames). {@code RequestId}
 * is optional: the StreamCat browser client omits it.
 *
 * <p>Immutable values; thread-safe.
 */
public sealed interface ClientAction {

    /** The client's {@code RequestId}, echoed in the frame that answers this action. */
    Optional<String> requestId();

    /** The token capability this action needs. */
    Capability requiredCapability();

    /** {@code {"Action":"SEND_MESSAGE","Content","Attributes","RequestId"}}. */
    record SendMessage(String content, Map<String, String> attributes, Optional<String> requestId)
            implements ClientAction {
        public SendMessage {
            Objects.requireNonNull(content, "content");
            attributes = ChatAttributes.copyOf(attributes);
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public Capability requiredCapability() {
            return Capability.SEND_MESSAGE;
        }
    }

    /** {@code {"Action":"DELETE_MESSAGE","Id","Reason","RequestId"}}. */
    record DeleteMessage(String id, Optional<String> reason, Optional<String> requestId) implements ClientAction {
        public DeleteMessage {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public Capability requiredCapability() {
            return Capability.DELETE_MESSAGE;
        }
    }

    /** {@code {"Action":"DISCONNECT_USER","UserId","Reason","RequestId"}}. */
    record DisconnectUser(String userId, Optional<String> reason, Optional<String> requestId) implements ClientAction {
        public DisconnectUser {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public Capability requiredCapability() {
            return Capability.DISCONNECT_USER;
        }
    }
}
