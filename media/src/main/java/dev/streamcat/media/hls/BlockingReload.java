package dev.streamcat.media.hls;

import java.util.Map;
import java.util.Optional;

/**
 * Decides what to do with a media playlist request and its delivery directives
 * (draft-pantos-hls-rfc8216bis §6.2.5.1 and §6.2.5.2), so the HTTP layer only wires requests to it.
 *
 * <ul>
 *   <li>{@code _HLS_part} without {@code _HLS_msn}, non-numeric or negative values, an unknown
 *       {@code _HLS_skip} value: 400.
 *   <li>Once EXT-X-ENDLIST is present every directive is ignored: serve.
 *   <li>{@code _HLS_msn} more than two past the last segment with a published part, or {@code
 *       _HLS_part} more than the Advance Part Limit past the last part: 400.
 *   <li>A target already available: serve; otherwise wait (at most {@link
 *       HlsConfig#blockingTimeout()}, then 503).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class BlockingReload {
    public static final String MSN = "_HLS_msn";
    public static final String PART = "_HLS_part";
    public static final String SKIP = "_HLS_skip";

    private BlockingReload() {}

    /** Decides on a request with the given query parameters (already URL-decoded). */
    public static ReloadDecision decide(PlaylistSnapshot snapshot, Map<String, String> query) {
        String skipValue = query.get(SKIP);
        if (skipValue != null && !skipValue.equals("YES") && !skipValue.equals("v2")) {
            return new ReloadDecision.BadRequest("_HLS_skip must be YES or v2");
        }
        boolean skip = skipValue != null;
        String msnValue = query.get(MSN);
        String partValue = query.get(PART);
        if (msnValue == null) {
            if (partValue != null) {
                return new ReloadDecision.BadRequest("_HLS_part requires _HLS_msn");
            }
            return serveOrWait(snapshot, new BlockingTarget.None(), skip);
        }
        Optional<Long> msn = parse(msnValue, Long.MAX_VALUE);
        Optional<Long> part = partValue == null ? Optional.of(-1L) : parse(partValue, Integer.MAX_VALUE);
        if (msn.isEmpty() || part.isEmpty()) {
            return new ReloadDecision.BadRequest("_HLS_msn and _HLS_part must be non-negative integers");
        }
        if (snapshot.ended()) {
            return new ReloadDecision.Serve(skip); // §6.2.5.2: directives ignored after ENDLIST
        }
        BlockingTarget target = part.get() < 0
                ? new BlockingTarget.SegmentReady(msn.get())
                : new BlockingTarget.PartReady(msn.get(), part.get().intValue());
        Optional<String> tooFar = tooFarAhead(snapshot, target);
        if (tooFar.isPresent()) {
            return new ReloadDecision.BadRequest(tooFar.get());
        }
        return serveOrWait(snapshot, target, skip);
    }

    private static ReloadDecision serveOrWait(PlaylistSnapshot snapshot, BlockingTarget target, boolean skip) {
        return snapshot.satisfies(target) ? new ReloadDecision.Serve(skip) : new ReloadDecision.Wait(target, skip);
    }

    private static Optional<String> tooFarAhead(PlaylistSnapshot snapshot, BlockingTarget target) {
        Optional<BlockingTarget.PartReady> last = snapshot.lastPart();
        long lastMsn = last.map(BlockingTarget.PartReady::msn).orElse(0L);
        int lastIndex = last.map(BlockingTarget.PartReady::part).orElse(-1);
        int limit = snapshot.config().advancePartLimit();
        return switch (target) {
            case BlockingTarget.None n -> Optional.empty();
            case BlockingTarget.SegmentReady s ->
                s.msn() > lastMsn + 2
                        ? Optional.of("_HLS_msn " + s.msn() + " is more than 2 past the last segment " + lastMsn)
                        : Optional.empty();
            case BlockingTarget.PartReady p -> {
                if (p.msn() > lastMsn + 2) {
                    yield Optional.of("_HLS_msn " + p.msn() + " is more than 2 past the last segment " + lastMsn);
                }
                long ahead = p.msn() == lastMsn ? (long) p.part() - lastIndex : p.msn() > lastMsn ? p.part() + 1L : 0;
                yield ahead > limit
                        ? Optional.of("_HLS_part is more than the advance part limit " + limit + " ahead")
                        : Optional.empty();
            }
        };
    }

    private static Optional<Long> parse(String value, long max) {
        if (value.isEmpty() || value.length() > 19) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            long v = Long.parseLong(value);
            return v <= max ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
