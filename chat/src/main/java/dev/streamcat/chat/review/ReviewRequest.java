package dev.streamcat.chat.review;

import dev.streamcat.chat.protocol.ChatAttributes;
import java.util.Map;
import java.util.Objects;

/**
 * What a review handler sees of a message (the IVS handler request: {@code Content}, {@code MessageId},
 * {@code RoomArn}, {@code Attributes}, {@code Sender.Attributes}, {@code Sender.UserId}, {@code Sender.Ip}).
 *
 * <p>Immutable; thread-safe.
 */
public record ReviewRequest(
        String content,
        String messageId,
        String roomArn,
        Map<String, String> attributes,
        String senderUserId,
        Map<String, String> senderAttributes,
        String senderIp) {

    public ReviewRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(roomArn, "roomArn");
        attributes = ChatAttributes.copyOf(attributes);
        Objects.requireNonNull(senderUserId, "senderUserId");
        senderAttributes = ChatAttributes.copyOf(senderAttributes);
        Objects.requireNonNull(senderIp, "senderIp");
    }

    /** The verdict that lets the message through unchanged. */
    public ReviewVerdict.Allow allowUnchanged() {
        return new ReviewVerdict.Allow(content, attributes);
    }
}
