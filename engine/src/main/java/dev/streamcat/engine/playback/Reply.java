package dev.streamcat.engine.playback;

import java.nio.ByteBuffer;
import java.util.List;

/** What a playback request is answered with; {@link PlaybackRoutes} writes each kind in one place. Immutable. */
sealed interface Reply {
    /** A playlist and its {@code Cache-Control}. */
    record Playlist(String text, String cacheControl) implements Reply {}

    /** An init section, segment or part: read-only views of the retained bytes, sent without a copy. */
    record Media(List<ByteBuffer> chunks, String contentType) implements Reply {}

    /** Unknown, offline or expired: 404. */
    record NotFound() implements Reply {}

    /** A malformed or out-of-range delivery directive: 400. */
    record BadRequest(String reason) implements Reply {}

    /** A blocking request that could not be answered within 3 × TARGETDURATION: 503. */
    record Unavailable() implements Reply {}
}
