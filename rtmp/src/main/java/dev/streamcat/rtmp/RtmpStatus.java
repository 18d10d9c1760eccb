package dev.streamcat.rtmp;

/**
 * The {@code code} and {@code level} of an {@code onStatus} / {@code _result} / {@code _error} info
 * object, as Flash defined them (NetStatusEvent codes) and RTMP servers send them.
 *
 * <p>Immutable, thread-safe.
 */
public enum RtmpStatus {
    CONNECT_SUCCESS("NetConnection.Connect.Success", Level.STATUS),
    CONNECT_REJECTED("NetConnection.Connect.Rejected", Level.ERROR),
    CONNECT_INVALID_APP("NetConnection.Connect.InvalidApp", Level.ERROR),
    CONNECT_FAILED("NetConnection.Connect.Failed", Level.ERROR),
    PUBLISH_START("NetStream.Publish.Start", Level.STATUS),
    /** Unknown stream key, or the key is already being published (nginx-rtmp: "Already publishing"). */
    PUBLISH_BAD_NAME("NetStream.Publish.BadName", Level.ERROR),
    /** The key is known but may not publish now (channel disabled, policy). */
    PUBLISH_DENIED("NetStream.Publish.Denied", Level.ERROR),
    UNPUBLISH_SUCCESS("NetStream.Unpublish.Success", Level.STATUS),
    /** Generic stream failure; sent before closing a publisher that uses a codec we refuse. */
    STREAM_FAILED("NetStream.Failed", Level.ERROR);

    /** The {@code level} field of the info object. */
    public enum Level {
        STATUS("status"),
        ERROR("error");

        private final String wireName;

        Level(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final String code;
    private final Level level;

    RtmpStatus(String code, Level level) {
        this.code = code;
        this.level = level;
    }

    /** The {@code code} string on the wire, e.g. {@code NetStream.Publish.BadName}. */
    public String code() {
        return code;
    }

    public Level level() {
        return level;
    }
}
