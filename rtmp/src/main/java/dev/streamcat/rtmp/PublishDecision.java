package dev.streamcat.rtmp;

/**
 * The answer of a {@link PublishAuthorizer}. Immutable.
 */
public sealed interface PublishDecision {

    /**
     * Let the client publish; its media goes to {@code sink}. The sink gets {@link PublishSink#onClose}
     * exactly once, even when the client is gone before the publish starts.
     */
    record Accepted(PublishSink sink) implements PublishDecision {}

    /**
     * Refuse: the client gets {@code onStatus} with {@code status} and {@code description}, then the
     * connection is closed. Use {@link RtmpStatus#PUBLISH_BAD_NAME} for an unknown key and {@link
     * RtmpStatus#PUBLISH_DENIED} for a known key that may not publish now.
     */
    record Rejected(RtmpStatus status, String description) implements PublishDecision {
        public Rejected {
            if (status.level() != RtmpStatus.Level.ERROR) {
                throw new IllegalArgumentException("a rejection needs an error status, was " + status);
            }
        }
    }

    static PublishDecision accept(PublishSink sink) {
        return new Accepted(sink);
    }

    static PublishDecision unknownKey() {
        return new Rejected(RtmpStatus.PUBLISH_BAD_NAME, "Unknown stream key");
    }

    static PublishDecision denied(String description) {
        return new Rejected(RtmpStatus.PUBLISH_DENIED, description);
    }
}
