package dev.streamcat.rtmp.internal.session;

import dev.streamcat.rtmp.AudioCodec;
import dev.streamcat.rtmp.CodecPolicy;
import dev.streamcat.rtmp.VideoCodec;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import dev.streamcat.rtmp.internal.message.RtmpMessage.MediaMessage;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads just enough of an FLV tag body to name its codec: the legacy tag header (FLV spec v10.1, E.4.2.1
 * and E.4.3.1) or the Enhanced RTMP v2 {@code ExVideoTagHeader} / {@code ExAudioTagHeader} with its FourCC.
 * Empty when the tag does not name a codec (empty tag, command frame, {@code ModEx} packet).
 *
 * <p>Stateless and thread-safe; never moves the buffer's indices.
 */
final class FlvTags {

    private static final int VIDEO_PACKET_MULTITRACK = 6;
    private static final int VIDEO_PACKET_MOD_EX = 7;
    private static final int AUDIO_PACKET_MULTITRACK = 5;
    private static final int AUDIO_PACKET_MOD_EX = 7;
    private static final int FRAME_TYPE_COMMAND = 5;
    private static final int SOUND_FORMAT_EX_HEADER = 9;

    private FlvTags() {}

    static Optional<VideoCodec> videoCodec(ByteBuf tag) {
        if (!tag.isReadable()) {
            return Optional.empty();
        }
        int first = tag.getUnsignedByte(tag.readerIndex());
        if ((first & 0x80) == 0) {
            if ((first >> 4) == FRAME_TYPE_COMMAND) {
                return Optional.empty();
            }
            return Optional.of(legacyVideo(first & 0x0F));
        }
        int packetType = first & 0x0F;
        if (packetType == VIDEO_PACKET_MOD_EX) {
            return Optional.empty();
        }
        int fourCcAt = packetType == VIDEO_PACKET_MULTITRACK ? 2 : 1;
        return fourCc(tag, fourCcAt).map(FlvTags::videoFourCc);
    }

    static Optional<AudioCodec> audioCodec(ByteBuf tag) {
        if (!tag.isReadable()) {
            return Optional.empty();
        }
        int first = tag.getUnsignedByte(tag.readerIndex());
        int soundFormat = first >> 4;
        if (soundFormat != SOUND_FORMAT_EX_HEADER) {
            return Optional.of(legacyAudio(soundFormat));
        }
        int packetType = first & 0x0F;
        if (packetType == AUDIO_PACKET_MOD_EX) {
            return Optional.empty();
        }
        int fourCcAt = packetType == AUDIO_PACKET_MULTITRACK ? 2 : 1;
        return fourCc(tag, fourCcAt).map(FlvTags::audioFourCc);
    }

    private static VideoCodec legacyVideo(int codecId) {
        return switch (codecId) {
            case 2 -> VideoCodec.H263;
            case 3, 6 -> VideoCodec.SCREEN_VIDEO;
            case 4, 5 -> VideoCodec.VP6;
            case 7 -> VideoCodec.AVC;
            default -> VideoCodec.UNKNOWN;
        };
    }

    private static AudioCodec legacyAudio(int soundFormat) {
        return switch (soundFormat) {
            case 0, 1, 3, 4, 5, 6, 7, 8 -> AudioCodec.LEGACY_PCM;
            case 2, 14 -> AudioCodec.MP3;
            case 10 -> AudioCodec.AAC;
            case 11 -> AudioCodec.SPEEX;
            default -> AudioCodec.UNKNOWN;
        };
    }

    private static VideoCodec videoFourCc(String fourCc) {
        return switch (fourCc) {
            case "avc1" -> VideoCodec.AVC;
            case "hvc1" -> VideoCodec.HEVC;
            case "av01" -> VideoCodec.AV1;
            case "vp09" -> VideoCodec.VP9;
            default -> VideoCodec.UNKNOWN;
        };
    }

    private static AudioCodec audioFourCc(String fourCc) {
        return switch (fourCc) {
            case "mp4a" -> AudioCodec.AAC;
            case "Opus" -> AudioCodec.OPUS;
            case "fLaC" -> AudioCodec.FLAC;
            case "ac-3", "ec-3" -> AudioCodec.AC3;
            case ".mp3" -> AudioCodec.MP3;
            default -> AudioCodec.UNKNOWN;
        };
    }

    /** FourCC at {@code offset}; a tag too short to hold one names an unknown codec. */
    private static Optional<String> fourCc(ByteBuf tag, int offset) {
        if (tag.readableBytes() < offset + 4) {
            return Optional.of("");
        }
        return Optional.of(tag.toString(tag.readerIndex() + offset, 4, StandardCharsets.US_ASCII));
    }

    /** The refused codec of {@code media}, described for the client and the close reason; empty if allowed. */
    static Optional<String> refusal(MediaMessage media, CodecPolicy policy) {
        ByteBuf tag = media.payload();
        Optional<? extends Enum<?>> refused = media instanceof RtmpMessage.Video
                ? videoCodec(tag).filter(codec -> !policy.accepts(codec))
                : audioCodec(tag).filter(codec -> !policy.accepts(codec));
        return refused.map(codec -> describe(tag, codec));
    }

    /** Human-readable name of a codec for status descriptions and close reasons. */
    static String describe(ByteBuf tag, Enum<?> codec) {
        int first = tag.isReadable() ? tag.getUnsignedByte(tag.readerIndex()) : 0;
        return codec.name() + " (tag header 0x" + Integer.toHexString(first) + ")";
    }
}
