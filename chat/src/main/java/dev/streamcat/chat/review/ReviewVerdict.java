package dev.streamcat.chat.review;

import dev.streamcat.chat.protocol.ChatAttributes;
import java.util.Map;
import java.util.Objects;

/**
 * A review handler's decision ({@code ReviewResult}).
 *
 * <p>Immutable values; thread-safe.
 */
public sealed interface ReviewVerdict {

    /** Deliver the message with this (possibly rewritten) content and attributes. */
    record Allow(String content, Map<String, String> attributes) implements ReviewVerdict {
        public Allow {
            Objects.requireNonNull(content, "content");
            attributes = ChatAttributes.copyOf(attributes);
        }
    }

    /** Deliver nothing; the sender gets an ERROR 406. */
    record Deny() implements ReviewVerdict {}
}
