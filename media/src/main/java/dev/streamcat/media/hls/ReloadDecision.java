package dev.streamcat.media.hls;

/** The answer to a media playlist request. Immutable. */
public sealed interface ReloadDecision {
    /** Send the playlist now; a delta update ({@code EXT-X-SKIP}) when {@code skip}. */
    record Serve(boolean skip) implements ReloadDecision {}

    /**
     * Hold the request until {@link LivePlaylist#await(BlockingTarget)} completes, at most {@link
     * HlsConfig#blockingTimeout()}, then answer 503.
     */
    record Wait(BlockingTarget target, boolean skip) implements ReloadDecision {}

    /** Answer 400 Bad Request immediately. */
    record BadRequest(String reason) implements ReloadDecision {}
}
