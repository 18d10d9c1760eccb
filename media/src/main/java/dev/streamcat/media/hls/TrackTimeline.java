package dev.streamcat.media.hls;

import dev.streamcat.media.mp4.Sample;
import java.util.Optional;

/**
 * Turns millisecond timestamps of one track into a continuous decode timeline in the track
 * timescale. A sample's duration is known when the next one arrives, so one sample is held back.
 *
 * <p>Video durations are timestamp deltas. Audio durations are the nominal frame length (1024
 * samples for AAC) unless the timestamps drift more than two frames away, then the gap is taken
 * from the timestamps. A backwards or implausibly large jump (publisher clock reset) re-uses the last
 * duration and keeps the timeline continuous.
 *
 * <p>Not thread-safe: confined to the packager's (ingest) thread.
 */
final class TrackTimeline {
    private static final long MAX_GAP_MS = 10_000;
    private static final int RECENT = 8;

    private final int timescale;
    private final int nominalDuration; // 0 = take durations from timestamps
    private long originMs; // media ms that maps to decode time 0
    private long pendingMs;
    private long pendingTime;
    private int pendingCto;
    private boolean pendingSync;
    private byte[] pendingData = new byte[0];
    private boolean hasPending;
    private long nextTime;
    private int lastDuration;
    private final int[] recent = new int[RECENT]; // the last durations, a ring
    private int recentNext;

    /** A completed sample and its decode time. */
    record Timed(long decodeTime, Sample sample) {}

    TrackTimeline(int timescale, int nominalDuration, long originMs, long startTime) {
        this.timescale = timescale;
        this.nominalDuration = nominalDuration;
        this.originMs = originMs;
        this.nextTime = startTime;
        this.lastDuration = nominalDuration > 0 ? nominalDuration : timescale / 30;
    }

    int timescale() {
        return timescale;
    }

    /** Decode time the next sample will get. */
    long nextTime() {
        return hasPending ? pendingTime : nextTime;
    }

    /**
     * The highest timestamp (ms) a next frame may carry and still get a decode time at or below {@code
     * ticks}, counted from the held sample with the timestamp delta as its duration (how video is
     * timed); {@link Long#MIN_VALUE} when no sample is held, or when a repeated or backward timestamp
     * (which gets the last duration) could already pass {@code ticks}.
     */
    long lastMsAtOrBefore(long ticks) {
        if (!hasPending || ticks - pendingTime < lastDuration) {
            return Long.MIN_VALUE;
        }
        return pendingMs + Math.floorDiv((ticks - pendingTime) * 1000, timescale);
    }

    /** Whether a sample is held back, waiting for the next one to give its duration. */
    boolean holding() {
        return hasPending;
    }

    /** Whether the held sample is a sync sample (keyframe). */
    boolean heldSync() {
        return hasPending && pendingSync;
    }

    /**
     * The longest of the last {@value #RECENT} sample durations (the first guess before any), in the
     * track timescale: what the held sample's duration may well be. Millisecond timestamps at 30 fps
     * step 33, 33, 34 ms, so the last duration alone would miss one boundary in two.
     */
    int longRecentDuration() {
        int longest = lastDuration;
        for (int d : recent) {
            longest = Math.max(longest, d);
        }
        return longest;
    }

    long toTicks(long ms) {
        return Math.floorDiv((ms - originMs) * timescale, 1000);
    }

    /** Adds a frame; returns the previous frame as a completed sample. */
    Optional<Timed> push(long dtsMs, int ctoMs, boolean sync, byte[] data) {
        Optional<Timed> done = Optional.empty();
        long time = nextTime;
        if (hasPending) {
            long delta = dtsMs - pendingMs;
            int duration;
            if (delta <= 0 || delta > MAX_GAP_MS) {
                duration = lastDuration;
                originMs = dtsMs - (pendingTime + duration) * 1000 / timescale; // re-base after a clock jump
            } else if (nominalDuration > 0) {
                long drift = toTicks(dtsMs) - (pendingTime + nominalDuration);
                duration = Math.abs(drift) > 2L * nominalDuration
                        ? (int) Math.max(1, toTicks(dtsMs) - pendingTime)
                        : nominalDuration;
            } else {
                duration = (int) (delta * timescale / 1000);
            }
            lastDuration = duration;
            recent[recentNext] = duration;
            recentNext = (recentNext + 1) % RECENT;
            done = Optional.of(complete(duration));
            time = pendingTime + duration;
        }
        hold(dtsMs, time, ctoMs, sync, data);
        return done;
    }

    private void hold(long ms, long time, int ctoMs, boolean sync, byte[] data) {
        pendingMs = ms;
        pendingTime = time;
        pendingCto = (int) ((long) ctoMs * timescale / 1000);
        pendingSync = sync;
        pendingData = data;
        hasPending = true;
    }

    private Timed complete(int duration) {
        Timed t = new Timed(pendingTime, new Sample(duration, pendingCto, pendingSync, pendingData));
        nextTime = pendingTime + duration;
        hasPending = false;
        pendingData = new byte[0];
        return t;
    }

    /** Completes the held sample with the last known duration (end of stream, config change). */
    Optional<Timed> flush() {
        return hasPending ? Optional.of(complete(lastDuration)) : Optional.empty();
    }
}
