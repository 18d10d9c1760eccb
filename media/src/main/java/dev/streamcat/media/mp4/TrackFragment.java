package dev.streamcat.media.mp4;

import java.util.List;

/**
 * The samples of one track in one fragment.
 *
 * @param trackId the track
 * @param baseDecodeTime decode time of the first sample, track timescale ({@code tfdt})
 * @param samples the samples in decode order
 */
public record TrackFragment(int trackId, long baseDecodeTime, List<Sample> samples) {
    public TrackFragment {
        samples = List.copyOf(samples);
        if (baseDecodeTime < 0) {
            throw new IllegalArgumentException("negative base decode time");
        }
    }

    /** Sum of sample durations. */
    public long duration() {
        long d = 0;
        for (Sample s : samples) {
            d += s.duration();
        }
        return d;
    }
}
