package dev.streamcat.media.mp4;

import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.VideoConfig;

/** A track of a CMAF presentation: its id, timescale and decoder configuration. Immutable. */
public sealed interface CmafTrack {
    /** Video timescale: 90 kHz, as in MPEG-TS, so millisecond timestamps convert exactly. */
    int VIDEO_TIMESCALE = 90_000;

    int trackId();

    int timescale();

    /** A video track with timescale {@link #VIDEO_TIMESCALE}. */
    record Video(int trackId, VideoConfig config) implements CmafTrack {
        public Video {
            if (trackId <= 0) {
                throw new IllegalArgumentException("trackId must be positive");
            }
        }

        @Override
        public int timescale() {
            return VIDEO_TIMESCALE;
        }
    }

    /** An audio track whose timescale is the sample rate. */
    record Audio(int trackId, AudioConfig config) implements CmafTrack {
        public Audio {
            if (trackId <= 0) {
                throw new IllegalArgumentException("trackId must be positive");
            }
        }

        @Override
        public int timescale() {
            return config.sampleRate();
        }
    }
}
