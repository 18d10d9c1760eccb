package dev.streamcat.media.hls;

import java.time.Duration;

/**
 * Packaging configuration, validated on construction, then frozen.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>default</th><th>rule</th></tr>
 *   <tr><td>partTarget</td><td>333 ms</td><td>200–500 ms; EXT-X-PART-INF PART-TARGET, fixed for the
 *       stream</td></tr>
 *   <tr><td>segmentTarget</td><td>2 s</td><td>1–10 s, ≥ 3 × partTarget; a segment closes at the first
 *       keyframe at or after it</td></tr>
 *   <tr><td>targetDuration</td><td>ceil(segmentTarget)</td><td>whole seconds ≥ segmentTarget;
 *       EXT-X-TARGETDURATION. Segments are force-cut (at a part boundary) before their rounded
 *       duration would exceed it, so streams with long GOPs stay conformant</td></tr>
 *   <tr><td>playlistWindow</td><td>9 × targetDuration</td><td>≥ 3 × targetDuration; how much media the
 *       playlist lists. Beyond 6 × targetDuration, delta updates can skip segments</td></tr>
 * </table>
 *
 * @param partTarget the part target duration
 * @param segmentTarget the segment target duration
 * @param targetDurationSeconds EXT-X-TARGETDURATION
 * @param playlistWindow the media duration listed in the playlist
 */
public record HlsConfig(
        Duration partTarget, Duration segmentTarget, int targetDurationSeconds, Duration playlistWindow) {

    public HlsConfig {
        check(
                partTarget.compareTo(Duration.ofMillis(200)) >= 0 && partTarget.compareTo(Duration.ofMillis(500)) <= 0,
                "partTarget",
                "must be between 200 ms and 500 ms: " + partTarget);
        check(
                segmentTarget.compareTo(Duration.ofSeconds(1)) >= 0
                        && segmentTarget.compareTo(Duration.ofSeconds(10)) <= 0,
                "segmentTarget",
                "must be between 1 s and 10 s: " + segmentTarget);
        check(
                segmentTarget.compareTo(partTarget.multipliedBy(3)) >= 0,
                "segmentTarget",
                "must be at least 3 x partTarget");
        check(
                targetDurationSeconds >= 1
                        && Duration.ofSeconds(targetDurationSeconds).compareTo(segmentTarget) >= 0,
                "targetDuration",
                "must be whole seconds >= segmentTarget: " + targetDurationSeconds);
        check(
                playlistWindow.compareTo(Duration.ofSeconds(3L * targetDurationSeconds)) >= 0,
                "playlistWindow",
                "must be at least 3 x targetDuration: " + playlistWindow);
    }

    private static void check(boolean ok, String key, String message) {
        if (!ok) {
            throw new IllegalArgumentException("hls." + key + " " + message);
        }
    }

    /** Defaults: 333 ms parts, 2 s segments, TARGETDURATION 2, 18 s window. */
    public static HlsConfig defaults() {
        return of(Duration.ofMillis(333), Duration.ofSeconds(2));
    }

    /** A config with TARGETDURATION = ceil(segmentTarget) and a 9 × TARGETDURATION window. */
    public static HlsConfig of(Duration partTarget, Duration segmentTarget) {
        int target = (int) Math.ceil(segmentTarget.toNanos() / 1e9);
        return new HlsConfig(partTarget, segmentTarget, target, Duration.ofSeconds(9L * target));
    }

    public Duration targetDuration() {
        return Duration.ofSeconds(targetDurationSeconds);
    }

    /** PART-HOLD-BACK: 3 × PART-TARGET (the SHOULD of §4.4.3.8). */
    public Duration partHoldBack() {
        return partTarget.multipliedBy(3);
    }

    /** CAN-SKIP-UNTIL: 6 × TARGETDURATION (the minimum of §4.4.3.8). */
    public Duration skipBoundary() {
        return targetDuration().multipliedBy(6);
    }

    /** EXT-X-PART tags are listed for the last 3 × TARGETDURATION (§6.2.2). */
    public Duration partListingWindow() {
        return targetDuration().multipliedBy(3);
    }

    /** How long a blocking reload may wait before 503 (§6.2.5.2): 3 × TARGETDURATION. */
    public Duration blockingTimeout() {
        return targetDuration().multipliedBy(3);
    }

    /**
     * Advance Part Limit (§6.2.5.2): how far past the last part a request may point; 3 / PART-TARGET
     * parts when PART-TARGET is under one second.
     */
    public int advancePartLimit() {
        return (int) Math.floor(3.0 / (partTarget.toNanos() / 1e9));
    }
}
