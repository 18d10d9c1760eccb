package dev.streamcat.media.hls;

import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.MediaFrame;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.VideoConfig;
import dev.streamcat.media.id3.Id3Tag;
import dev.streamcat.media.mp4.CmafTrack;
import dev.streamcat.media.mp4.CmafWriter;
import dev.streamcat.media.mp4.EventMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Packages one live stream into CMAF parts and segments and publishes LL-HLS playlist snapshots
 * through {@link #playlist()}.
 *
 * <p>Tracks: it waits for both sequence headers (or 1 s of media with one of them) before writing
 * the init segment: video track 1 (90 kHz) and/or audio track 2 (sample-rate timescale). Video
 * starts at the first keyframe; earlier audio is dropped. Each part is one CMAF chunk with both
 * tracks muxed ({@code moof} with two {@code traf}s), which every player handles. Boundaries follow
 * the lead track (video, or audio when there is no video):
 *
 * <ul>
 *   <li>a segment closes before the first keyframe at or after {@link HlsConfig#segmentTarget()},
 *       or is force-cut at a part boundary before its rounded duration would pass TARGETDURATION;
 *   <li>a part closes before a sample that would take it past PART-TARGET, or before a keyframe once
 *       it has 85% of PART-TARGET, so every part is ≤ PART-TARGET and, unless independent or last in
 *       its segment, ≥ 85% of it (§4.4.4.9) — for frame durations ≤ 15% of PART-TARGET.
 * </ul>
 *
 * <p>A changed sequence header closes the segment and starts a new init version behind an
 * EXT-X-DISCONTINUITY. A sample's duration is known when the next one of its track arrives, so one
 * sample is held back; a part is published when the frame at its end arrives if that frame is
 * known to start the next part (a keyframe, or by the recent frame durations, once the part has 85%
 * of PART-TARGET), else one frame later.
 *
 * <p>Threading: the {@link MediaSink} methods are confined to the ingest thread of the stream and
 * never block. {@link #addTimedMetadata} is thread-safe. Readers use {@link #playlist()}.
 */
public final class HlsPackager implements MediaSink {
    static final int VIDEO_TRACK = 1;
    static final int AUDIO_TRACK = 2;
    private static final long TRACK_WAIT_MS = 1000;
    private static final int MAX_BUFFERED_FRAMES = 512;
    private static final int MAX_PENDING_METADATA = 64;
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    private enum Phase {
        WAITING_FOR_TRACKS,
        RUNNING,
        ENDED
    }

    private final HlsConfig config;
    private final InstantSource clock;
    private final LivePlaylist live;
    private final SegmentWindow window;
    private final Queue<byte[]> metadata = new ConcurrentLinkedQueue<>();
    private final List<MediaFrame> buffered = new ArrayList<>();
    private Phase phase = Phase.WAITING_FOR_TRACKS;
    private @Nullable VideoConfig videoConfig;
    private @Nullable AudioConfig audioConfig;
    private boolean hasVideo;
    private boolean hasAudio;
    private @Nullable TrackTimeline video;
    private @Nullable TrackTimeline audio;
    private boolean originSet;
    private long originMs;
    private Instant wallOrigin = Instant.EPOCH;
    private boolean awaitingKeyframe;
    private PartAssembler part = new PartAssembler(VIDEO_TRACK, AUDIO_TRACK);
    private long segmentLeadTicks;
    private long fragmentSequence = 1;
    private int initVersion = -1;
    private long eventId;
    private OptionalDouble metadataFrameRate = OptionalDouble.empty();
    private long bandwidthHint;

    public HlsPackager(HlsConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.live = new LivePlaylist(config);
        this.window = new SegmentWindow(config);
    }

    /** The published state; thread-safe. */
    public LivePlaylist playlist() {
        return live;
    }

    public HlsConfig config() {
        return config;
    }

    /**
     * Queues an ID3 tag to be sent as an {@code emsg} (scheme {@value EventMessage#ID3_SCHEME}) in
     * front of the next part, timed at that part's start. Thread-safe.
     *
     * @throws IllegalArgumentException when the tag exceeds 64 KiB or 64 tags are already queued
     */
    public void addTimedMetadata(byte[] id3Tag) {
        if (id3Tag.length > MAX_METADATA_BYTES || metadata.size() >= MAX_PENDING_METADATA) {
            throw new IllegalArgumentException("timed metadata too large or too frequent");
        }
        metadata.add(id3Tag.clone());
    }

    /** Queues {@code text} as an ID3v2.4 TXXX frame with an empty description. Thread-safe. */
    public void addTimedMetadata(String text) {
        addTimedMetadata(Id3Tag.text("", text));
    }

    @Override
    public void onVideoConfig(VideoConfig config) {
        if (config.equals(videoConfig) || phase == Phase.ENDED) {
            return;
        }
        videoConfig = config;
        if (phase == Phase.RUNNING) {
            restartTracks();
        } else {
            maybeStart();
        }
    }

    @Override
    public void onAudioConfig(AudioConfig config) {
        if (config.equals(audioConfig) || phase == Phase.ENDED) {
            return;
        }
        audioConfig = config;
        if (phase == Phase.RUNNING) {
            restartTracks();
        } else {
            maybeStart();
        }
    }

    @Override
    public void onMetadata(Map<String, Object> meta) {
        if (meta.get("framerate") instanceof Number fps && fps.doubleValue() > 0) {
            metadataFrameRate = OptionalDouble.of(fps.doubleValue());
        }
        long kbps = 0;
        for (String key : List.of("videodatarate", "audiodatarate")) {
            if (meta.get(key) instanceof Number rate && rate.doubleValue() > 0) {
                kbps += (long) rate.doubleValue();
            }
        }
        bandwidthHint = kbps * 1000;
    }

    @Override
    public void onFrame(MediaFrame frame) {
        switch (phase) {
            case WAITING_FOR_TRACKS -> {
                buffered.add(frame);
                if (buffered.size() > MAX_BUFFERED_FRAMES) {
                    buffered.removeFirst();
                }
                maybeStart();
            }
            case RUNNING -> route(frame);
            case ENDED -> {}
        }
    }

    /**
     * The lowest video timestamp that could close the open part: a part closes when a frame takes it
     * past PART-TARGET, or follows a keyframe once it has 85% of it, or ends or force-cuts the segment
     * ({@link #placeLead}), or once it has 85% of PART-TARGET ({@link #closeBeforeHeld}), so a frame
     * below the smallest of those bounds only adds to it.
     * Audio-led streams (timed by sample counts, not timestamps) and streams not yet running ask for
     * every frame at once.
     */
    @Override
    public long urgentFromMs() {
        TrackTimeline lead = video;
        if (phase != Phase.RUNNING || !hasVideo || lead == null || !part.hasLead()) {
            return Long.MIN_VALUE;
        }
        int timescale = CmafTrack.VIDEO_TIMESCALE;
        long partTarget = ticks(config.partTarget(), timescale);
        long maxSegment = ticks(config.targetDuration().plusMillis(500), timescale) - 1;
        long bound = Math.min(
                (partTarget * 85 + 99) / 100 - 1,
                Math.min(ticks(config.segmentTarget(), timescale) - 1, maxSegment) - segmentLeadTicks);
        long lastQuiet = lead.lastMsAtOrBefore(part.leadStart() + bound);
        return lastQuiet == Long.MIN_VALUE ? Long.MIN_VALUE : lastQuiet + 1;
    }

    /** Ends the stream: flushes the last part and segment and publishes EXT-X-ENDLIST. */
    @Override
    public void onEnd() {
        if (phase == Phase.WAITING_FOR_TRACKS && (videoConfig != null || audioConfig != null)) {
            start();
        }
        if (phase == Phase.RUNNING) {
            flushSamples();
            closePart();
            window.closeSegment();
        }
        phase = Phase.ENDED;
        window.end();
        publish();
    }

    /** Same as {@link #onEnd()}. */
    public void end() {
        onEnd();
    }

    private void maybeStart() {
        boolean any = videoConfig != null || audioConfig != null;
        boolean both = videoConfig != null && audioConfig != null;
        if (both || (any && (bufferedSpanMs() >= TRACK_WAIT_MS || buffered.size() >= MAX_BUFFERED_FRAMES))) {
            start();
        }
    }

    private long bufferedSpanMs() {
        if (buffered.isEmpty()) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (MediaFrame f : buffered) {
            min = Math.min(min, f.dtsMs());
            max = Math.max(max, f.dtsMs());
        }
        return max - min;
    }

    private void start() {
        phase = Phase.RUNNING;
        writeInit(false);
        List<MediaFrame> replay = List.copyOf(buffered);
        buffered.clear();
        replay.forEach(this::route);
    }

    /** A sequence header changed: close the segment, new init version, discontinuity. */
    private void restartTracks() {
        flushSamples();
        closePart();
        window.closeSegment();
        publish();
        writeInit(true);
        video = video == null ? null : new TrackTimeline(CmafTrack.VIDEO_TIMESCALE, 0, originMs, video.nextTime());
        if (audio != null && audioConfig != null) {
            long next = audio.nextTime() * audioConfig.sampleRate() / audio.timescale();
            audio = new TrackTimeline(audioConfig.sampleRate(), audioConfig.samplesPerFrame(), originMs, next);
        }
    }

    private void writeInit(boolean discontinuity) {
        List<CmafTrack> tracks = new ArrayList<>(2);
        hasVideo = videoConfig != null;
        hasAudio = audioConfig != null;
        if (videoConfig != null) {
            tracks.add(new CmafTrack.Video(VIDEO_TRACK, videoConfig));
        }
        if (audioConfig != null) {
            tracks.add(new CmafTrack.Audio(AUDIO_TRACK, audioConfig));
        }
        initVersion++;
        window.addInit(initVersion, CmafWriter.initSegment(tracks), discontinuity);
        awaitingKeyframe = hasVideo;
        part = hasVideo ? new PartAssembler(VIDEO_TRACK, AUDIO_TRACK) : new PartAssembler(AUDIO_TRACK, VIDEO_TRACK);
        segmentLeadTicks = 0;
        describe();
    }

    private void describe() {
        List<String> codecs = new ArrayList<>(2);
        OptionalDouble fps = metadataFrameRate;
        if (videoConfig != null) {
            codecs.add(videoConfig.codecString());
            fps = videoConfig.frameRate().isPresent() ? videoConfig.frameRate() : fps;
        }
        if (audioConfig != null) {
            codecs.add(audioConfig.codecString());
        }
        window.describe(
                codecs,
                videoConfig == null ? Optional.empty() : videoConfig.resolution(),
                hasVideo ? fps : OptionalDouble.empty(),
                bandwidthHint);
    }

    private void route(MediaFrame frame) {
        switch (frame) {
            case VideoFrame v -> onVideoFrame(v);
            case AudioFrame a -> onAudioFrame(a);
        }
    }

    private void onVideoFrame(VideoFrame v) {
        if (!hasVideo || videoConfig == null || v.codec() != videoConfig.codec()) {
            return;
        }
        if (awaitingKeyframe) {
            if (!v.keyframe()) {
                return;
            }
            awaitingKeyframe = false;
            setOrigin(v.dtsMs());
        }
        if (video == null) {
            video = new TrackTimeline(CmafTrack.VIDEO_TIMESCALE, 0, originMs, startTicks(v.dtsMs(), 90_000));
        }
        video.push(v.dtsMs(), v.compositionOffsetMs(), v.keyframe(), v.data()).ifPresent(this::placeLead);
        closeBeforeHeld(video, CmafTrack.VIDEO_TIMESCALE);
    }

    private void onAudioFrame(AudioFrame a) {
        if (!hasAudio || audioConfig == null || a.codec() != audioConfig.codec()) {
            return;
        }
        if (!originSet) {
            if (hasVideo) {
                return; // video leads: audio starts with the first keyframe
            }
            setOrigin(a.ptsMs());
        }
        if (audio == null) {
            int rate = audioConfig.sampleRate();
            audio = new TrackTimeline(rate, audioConfig.samplesPerFrame(), originMs, startTicks(a.ptsMs(), rate));
        }
        var done = audio.push(a.ptsMs(), 0, true, a.data());
        if (hasVideo) {
            done.ifPresent(part::addOther);
        } else {
            done.ifPresent(this::placeLead);
            closeBeforeHeld(audio, audio.timescale());
        }
    }

    private void setOrigin(long ms) {
        if (!originSet) {
            originSet = true;
            originMs = ms;
            wallOrigin = clock.instant();
        }
    }

    private long startTicks(long ms, int timescale) {
        return Math.max(0, (ms - originMs) * timescale / 1000);
    }

    /** Decides the boundaries before a completed lead sample, then adds it. */
    private void placeLead(TrackTimeline.Timed t) {
        int timescale = hasVideo ? CmafTrack.VIDEO_TIMESCALE : timescaleOfAudio();
        long d = t.sample().duration();
        if (part.hasLead() || window.hasOpenParts()) {
            long partTarget = ticks(config.partTarget(), timescale);
            long segment = segmentLeadTicks + part.leadDuration();
            long maxSegment = ticks(config.targetDuration().plusMillis(500), timescale) - 1;
            boolean sync = t.sample().sync();
            if ((sync && segment >= ticks(config.segmentTarget(), timescale)) || segment + d > maxSegment) {
                if (part.hasLead()) { // else it holds only audio, which goes on with this sample
                    closePart();
                }
                closeSegment();
            } else if (part.hasLead()
                    && (part.leadDuration() + d > partTarget
                            || (sync && part.leadDuration() * 100 >= partTarget * 85))) {
                closePart();
            }
        }
        part.addLead(t);
    }

    /**
     * Publishes the part one frame earlier than {@link #placeLead} would, as soon as the sample the
     * timeline holds back is known to start the next part: it is a keyframe that ends the segment, or
     * that follows 85% of PART-TARGET, or the longest of the recent frame durations would take the
     * part past PART-TARGET. The estimate is used only once the part has 85% of PART-TARGET, so a part
     * cut on a too long estimate (one more frame would have fitted) still has an allowed length; a too
     * short one leaves the cut to {@link #placeLead}.
     */
    private void closeBeforeHeld(TrackTimeline lead, int timescale) {
        if (!part.hasLead() || !lead.holding()) {
            return;
        }
        long partTarget = ticks(config.partTarget(), timescale);
        long length = part.leadDuration();
        boolean sync = lead.heldSync();
        if (sync && segmentLeadTicks + length >= ticks(config.segmentTarget(), timescale)) {
            closePart();
            closeSegment();
        } else if (length * 100 >= partTarget * 85 && (sync || length + lead.longRecentDuration() > partTarget)) {
            closePart();
        }
    }

    private int timescaleOfAudio() {
        return audio == null ? 1000 : audio.timescale();
    }

    private static long ticks(Duration d, int timescale) {
        return d.toNanos() * timescale / 1_000_000_000L;
    }

    private void flushSamples() {
        if (video != null) {
            video.flush().ifPresent(this::placeLead);
        }
        if (audio != null) {
            var done = audio.flush();
            if (hasVideo) {
                done.ifPresent(part::addOther);
            } else {
                done.ifPresent(this::placeLead);
            }
        }
    }

    private void closePart() {
        if (part.isEmpty()) {
            return;
        }
        int leadScale = hasVideo ? CmafTrack.VIDEO_TIMESCALE : timescaleOfAudio();
        long leadTicks = part.hasLead() ? part.leadDuration() : 0;
        long start = part.hasLead() ? part.leadStart() : 0;
        byte[] bytes = part.encode(fragmentSequence++, eventMessages(leadScale, start));
        Duration duration = Duration.ofNanos(leadTicks * 1_000_000_000L / leadScale);
        Instant pdt = wallOrigin.plusNanos(start * 1_000_000_000L / leadScale);
        window.addPart(bytes, duration, part.independent(), pdt);
        segmentLeadTicks += leadTicks;
        part = hasVideo ? new PartAssembler(VIDEO_TRACK, AUDIO_TRACK) : new PartAssembler(AUDIO_TRACK, VIDEO_TRACK);
        publish();
    }

    private List<byte[]> eventMessages(int timescale, long presentationTime) {
        List<byte[]> boxes = new ArrayList<>();
        byte[] tag;
        while ((tag = metadata.poll()) != null) {
            boxes.add(EventMessage.id3(timescale, presentationTime, eventId++, tag)
                    .toBox());
        }
        return boxes;
    }

    private void closeSegment() {
        window.closeSegment();
        segmentLeadTicks = 0;
        publish();
    }

    private void publish() {
        live.publish(window.snapshot());
    }
}
