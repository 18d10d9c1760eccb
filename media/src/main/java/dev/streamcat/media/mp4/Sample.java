package dev.streamcat.media.mp4;

/**
 * One sample of a track run, in the track's timescale.
 *
 * @param duration sample duration in timescale units (≥ 0)
 * @param compositionOffset presentation minus decode time in timescale units (signed; trun v1)
 * @param sync whether the sample is a sync sample (random access point)
 * @param data sample bytes; not copied, must not be modified
 */
public record Sample(int duration, int compositionOffset, boolean sync, byte[] data) {
    public Sample {
        if (duration < 0) {
            throw new IllegalArgumentException("negative sample duration " + duration);
        }
    }
}
