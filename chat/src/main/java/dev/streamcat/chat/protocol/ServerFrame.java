package dev.streamcat.chat.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A frame the server sends to chat clients (IVS Chat Messaging API, server → client frames). Encode it once with
 * {@link FrameEncoder} and hand the {@link EncodedFrame} to every connection.
 *
 * <p>Immutable values; thread-safe.
 */
public sealed interface ServerFrame {

    /** System event sent when a message is deleted. */
    String DELETE_MESSAGE_EVENT = "aws:DELETE_MESSAGE";

    /** System event sent when a user is disconnected. */
    String DISCONNECT_USER_EVENT = "aws:DISCONNECT_USER";

    /** The server-generated 12-character {@code Id}; clients de-duplicate by it. */
    String id();

    /** The {@code Type} field. */
    FrameType type();

    /** The sender of a message: its token's user id and attributes. */
    record Sender(String userId, Map<String, String> attributes) {
        public Sender {
            Objects.requireNonNull(userId, "userId");
            attributes = ChatAttributes.copyOf(attributes);
        }
    }

    /** {@code {"Type":"MESSAGE","Id","RequestId","Content","Attributes","SendTime","Sender":{...}}}. */
    record Message(
            String id,
            Optional<String> requestId,
            String content,
            Map<String, String> attributes,
            Instant sendTime,
            Sender sender)
            implements ServerFrame {
        public Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(content, "content");
            attributes = ChatAttributes.copyOf(attributes);
            Objects.requireNonNull(sendTime, "sendTime");
            Objects.requireNonNull(sender, "sender");
        }

        @Override
        public FrameType type() {
            return FrameType.MESSAGE;
        }
    }

    /** {@code {"Type":"EVENT","Id","EventName","Attributes","RequestId","SendTime"}}. */
    record Event(
            String id, String eventName, Map<String, String> attributes, Optional<String> requestId, Instant sendTime)
            implements ServerFrame {
        public Event {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(eventName, "eventName");
            attributes = ChatAttributes.copyOf(attributes);
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(sendTime, "sendTime");
        }

        @Override
        public FrameType type() {
            return FrameType.EVENT;
        }
    }

    /** {@code {"Type":"ERROR","Id","RequestId","ErrorCode","ErrorMessage"}}. */
    record Error(String id, Optional<String> requestId, ChatErrorCode errorCode, String errorMessage)
            implements ServerFrame {
        public Error {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(errorMessage, "errorMessage");
        }

        @Override
        public FrameType type() {
            return FrameType.ERROR;
        }
    }
}
