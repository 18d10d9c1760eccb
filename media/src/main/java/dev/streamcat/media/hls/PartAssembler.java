package dev.streamcat.media.hls;

import dev.streamcat.media.mp4.CmafWriter;
import dev.streamcat.media.mp4.Sample;
import dev.streamcat.media.mp4.TrackFragment;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the samples of the part being built: the lead track (video when present, which decides
 * part and segment boundaries) and the other track (audio, muxed into the same fragment).
 *
 * <p>Not thread-safe: confined to the packager's (ingest) thread.
 */
final class PartAssembler {
    private final int leadTrackId;
    private final int otherTrackId;
    private final List<Sample> lead = new ArrayList<>();
    private final List<Sample> other = new ArrayList<>();
    private long leadStart = -1;
    private long otherStart = -1;
    private long leadDuration;
    private long otherDuration;

    PartAssembler(int leadTrackId, int otherTrackId) {
        this.leadTrackId = leadTrackId;
        this.otherTrackId = otherTrackId;
    }

    void addLead(TrackTimeline.Timed t) {
        if (lead.isEmpty()) {
            leadStart = t.decodeTime();
        }
        lead.add(t.sample());
        leadDuration += t.sample().duration();
    }

    void addOther(TrackTimeline.Timed t) {
        if (other.isEmpty()) {
            otherStart = t.decodeTime();
        }
        other.add(t.sample());
        otherDuration += t.sample().duration();
    }

    boolean isEmpty() {
        return lead.isEmpty() && other.isEmpty();
    }

    boolean hasLead() {
        return !lead.isEmpty();
    }

    /** Duration in lead timescale units. */
    long leadDuration() {
        return leadDuration;
    }

    long otherDuration() {
        return otherDuration;
    }

    long leadStart() {
        return leadStart;
    }

    /** Whether the part starts with a sync sample of the lead track. */
    boolean independent() {
        return !lead.isEmpty() ? lead.getFirst().sync() : !other.isEmpty();
    }

    byte[] encode(long sequenceNumber, List<byte[]> eventMessages) {
        List<TrackFragment> tracks = new ArrayList<>(2);
        if (!lead.isEmpty()) {
            tracks.add(new TrackFragment(leadTrackId, leadStart, lead));
        }
        if (!other.isEmpty()) {
            tracks.add(new TrackFragment(otherTrackId, otherStart, other));
        }
        return CmafWriter.fragment(sequenceNumber, tracks, eventMessages);
    }
}
