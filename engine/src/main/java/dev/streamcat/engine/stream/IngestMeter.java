package dev.streamcat.engine.stream;

import dev.streamcat.api.ivs.AudioConfiguration;
import dev.streamcat.api.ivs.IngestConfiguration;
import dev.streamcat.api.ivs.VideoConfiguration;
import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.MediaFrame;
import dev.streamcat.media.MediaSink;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.Av1DecoderConfig;
import dev.streamcat.media.codec.AvcDecoderConfig;
import dev.streamcat.media.codec.HevcDecoderConfig;
import dev.streamcat.media.codec.Resolution;
import dev.streamcat.media.codec.VideoConfig;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Measures what a broadcaster actually sends (codecs, profile, level, resolution, frame rate, bit
 * rates, audio channels and rate) for {@code GetStreamSession}, and the media clock for health.
 *
 * <p>Threading: the {@link MediaSink} methods are confined to the stream's ingest event loop; {@link
 * #configuration()} and {@link #mediaTimeMs()} may be read from any thread (volatile snapshots,
 * refreshed about once per second of media).
 */
final class IngestMeter implements MediaSink {
    static final String TRACK = "Track0";
    private static final long REFRESH_MS = 1000;

    private @Nullable VideoConfig video;
    private @Nullable AudioConfig audio;
    private String encoder = "";
    private final Span videoSpan = new Span();
    private final Span audioSpan = new Span();
    private long refreshedAtMs = Long.MIN_VALUE;
    private volatile long mediaTimeMs = -1;
    private volatile IngestConfiguration configuration = new IngestConfiguration(null, null);

    /** Bytes and timestamps of one track. */
    private static final class Span {
        long bytes;
        long frames;
        long firstMs = -1;
        long lastMs = -1;

        void add(long timeMs, int size) {
            if (firstMs < 0) {
                firstMs = timeMs;
            }
            lastMs = Math.max(lastMs, timeMs);
            bytes += size;
            frames++;
        }

        long bitsPerSecond() {
            long spanMs = lastMs - firstMs;
            return spanMs <= 0 ? 0 : bytes * 8_000 / spanMs;
        }

        long framesPerSecond() {
            long spanMs = lastMs - firstMs;
            return spanMs <= 0 ? 0 : Math.round((frames - 1) * 1000.0 / spanMs);
        }
    }

    @Override
    public void onVideoConfig(VideoConfig config) {
        video = config;
        refresh();
    }

    @Override
    public void onAudioConfig(AudioConfig config) {
        audio = config;
        refresh();
    }

    @Override
    public void onMetadata(Map<String, Object> metadata) {
        if (metadata.get("encoder") instanceof String name) {
            encoder = name.length() > 128 ? name.substring(0, 128) : name;
        }
    }

    @Override
    public void onFrame(MediaFrame frame) {
        switch (frame) {
            case VideoFrame v -> videoSpan.add(v.dtsMs(), v.data().length);
            case AudioFrame a -> audioSpan.add(a.ptsMs(), a.data().length);
        }
        long now = Math.max(videoSpan.lastMs, audioSpan.lastMs);
        mediaTimeMs = now;
        if (now - refreshedAtMs >= REFRESH_MS) {
            refreshedAtMs = now;
            refresh();
        }
    }

    /** Measures media time, not arrival time: batched frames measure the same. */
    @Override
    public long urgentFromMs() {
        return Long.MAX_VALUE;
    }

    @Override
    public void onEnd() {
        refresh();
    }

    /** The latest measured ingest configuration. */
    IngestConfiguration configuration() {
        return configuration;
    }

    /** The newest media timestamp seen, in RTMP milliseconds; -1 before any frame. */
    long mediaTimeMs() {
        return mediaTimeMs;
    }

    private void refresh() {
        configuration = new IngestConfiguration(videoConfiguration(), audioConfiguration());
    }

    private @Nullable VideoConfiguration videoConfiguration() {
        VideoConfig config = video;
        if (config == null) {
            return null;
        }
        String profile = "";
        String level = "";
        switch (config) {
            case AvcDecoderConfig avc -> {
                profile = avc.profileName();
                level = avc.levelName();
            }
            case HevcDecoderConfig hevc -> {
                profile = hevcProfile(hevc.profileIdc());
                level = String.format(Locale.ROOT, "%.1f", hevc.levelIdc() / 30.0);
            }
            case Av1DecoderConfig av1 -> {
                profile = av1Profile(av1.seqProfile());
                level = av1Level(av1.seqLevelIdx0());
            }
        }
        boolean avc = config instanceof AvcDecoderConfig;
        long fps = videoSpan.framesPerSecond();
        if (fps == 0 && config.frameRate().isPresent()) {
            fps = Math.round(config.frameRate().getAsDouble());
        }
        Resolution size = config.resolution().orElse(null);
        return new VideoConfiguration(
                avc ? level : "",
                avc ? profile : "",
                config.codecString(),
                encoder,
                level,
                profile,
                videoSpan.bitsPerSecond(),
                fps,
                TRACK,
                size == null ? 0 : size.height(),
                size == null ? 0 : size.width());
    }

    private @Nullable AudioConfiguration audioConfiguration() {
        AudioConfig config = audio;
        if (config == null) {
            return null;
        }
        return new AudioConfiguration(
                config.channelCount(), config.codecString(), config.sampleRate(), audioSpan.bitsPerSecond(), TRACK);
    }

    /** seq_profile names, AV1 spec Annex A.2. */
    private static String av1Profile(int seqProfile) {
        return switch (seqProfile) {
            case 0 -> "Main";
            case 1 -> "High";
            case 2 -> "Professional";
            default -> "Profile " + seqProfile;
        };
    }

    /** seq_level_idx as the level X.Y it stands for (AV1 spec Annex A.3: X = 2 + idx / 4, Y = idx % 4). */
    private static String av1Level(int seqLevelIdx) {
        return seqLevelIdx == 31 ? "Max" : (2 + (seqLevelIdx >> 2)) + "." + (seqLevelIdx & 3);
    }

    private static String hevcProfile(int profileIdc) {
        return switch (profileIdc) {
            case 1 -> "Main";
            case 2 -> "Main 10";
            case 3 -> "Main Still Picture";
            case 4 -> "Format Range Extensions";
            default -> "Profile " + profileIdc;
        };
    }
}
