package dev.streamcat.rtmp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which codecs a publisher may send. A tag in any other codec ends the publish with {@code onStatus}
 * {@link RtmpStatus#STREAM_FAILED} and {@link CloseReason.UnsupportedCodec}.
 *
 * <p>The default accepts what the LL-HLS (CMAF) packager can carry and browsers can play: AVC, HEVC and
 * AV1 video, AAC audio. MP3 is refused by default: MP3 in fMP4 plays poorly in hls.js and Safari, and no
 * current encoder we support defaults to it.
 *
 * @param video accepted video codecs
 * @param audio accepted audio codecs
 */
public record CodecPolicy(Set<VideoCodec> video, Set<AudioCodec> audio) {

    public CodecPolicy {
        video = Set.copyOf(video);
        audio = Set.copyOf(audio);
    }

    /** AVC, HEVC, AV1 video and AAC audio. */
    public static CodecPolicy defaults() {
        return new CodecPolicy(EnumSet.of(VideoCodec.AVC, VideoCodec.HEVC, VideoCodec.AV1), EnumSet.of(AudioCodec.AAC));
    }

    public boolean accepts(VideoCodec codec) {
        return video.contains(codec);
    }

    public boolean accepts(AudioCodec codec) {
        return audio.contains(codec);
    }
}
