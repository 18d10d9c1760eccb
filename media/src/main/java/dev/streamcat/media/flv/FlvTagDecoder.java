package dev.streamcat.media.flv;

import dev.streamcat.media.AudioCodec;
import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.MediaFormatException;
import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.AacConfig;
import dev.streamcat.media.codec.Av1DecoderConfig;
import dev.streamcat.media.codec.AvcDecoderConfig;
import dev.streamcat.media.codec.HevcDecoderConfig;
import dev.streamcat.media.codec.VideoConfig;
import dev.streamcat.media.internal.ByteReader;
import java.nio.ByteBuffer;

/**
 * Decodes FLV video and audio tag bodies (the payload of RTMP message types 9 and 8).
 *
 * <p>Legacy layout: FLV v10.1 Annex E.4.3.1 VIDEODATA (FrameType, CodecID 7 = AVC with
 * AVCPacketType and SI24 CompositionTime) and E.4.2.1 AUDIODATA (SoundFormat 10 = AAC with
 * AACPacketType). Enhanced RTMP v1/v2 (veovera/enhanced-rtmp, "Extending VideoTagHeader" and
 * "Extending AudioTagHeader"): IsExHeader bit, PacketType, optional ModEx prefixes, FourCC.
 *
 * <p>Stateless and thread-safe. Every read is bounded; bad input throws {@link
 * MediaFormatException} and nothing else.
 */
public final class FlvTagDecoder {
    private static final int CODEC_AVC = 7;
    private static final int CODEC_HEVC_LEGACY = 12; // non-standard CodecID used by some Chinese CDNs
    private static final int SOUND_AAC = 10;
    private static final int SOUND_EX_HEADER = 9;
    private static final int FRAME_TYPE_KEY = 1;
    private static final int FRAME_TYPE_GENERATED_KEY = 4;
    private static final int FRAME_TYPE_COMMAND = 5;
    private static final int PACKET_SEQUENCE_START = 0;
    private static final int PACKET_CODED_FRAMES = 1;
    private static final int PACKET_SEQUENCE_END = 2;
    private static final int PACKET_CODED_FRAMES_X = 3;
    private static final int PACKET_METADATA = 4;
    private static final int PACKET_MULTITRACK = 6;
    private static final int PACKET_MOD_EX = 7;

    private FlvTagDecoder() {}

    /**
     * Decodes a video tag body.
     *
     * @param timestampMs the RTMP message timestamp (decode time), milliseconds
     */
    public static VideoTag decodeVideo(long timestampMs, byte[] body) {
        return decodeVideo(timestampMs, new ByteReader(body));
    }

    /**
     * Decodes the video tag body between {@code body}'s position and limit (its position is not
     * changed); only the payload is copied, so {@code body} may be borrowed (direct memory).
     */
    public static VideoTag decodeVideo(long timestampMs, ByteBuffer body) {
        return decodeVideo(timestampMs, new ByteReader(body));
    }

    private static VideoTag decodeVideo(long timestampMs, ByteReader r) {
        int first = r.u8("video tag header");
        if ((first & 0x80) != 0) {
            return decodeExVideo(timestampMs, first, r);
        }
        int frameType = first >> 4;
        int codecId = first & 0x0F;
        if (frameType == FRAME_TYPE_COMMAND) {
            return new VideoTag.Ignored("video info/command frame");
        }
        VideoCodec codec =
                switch (codecId) {
                    case CODEC_AVC -> VideoCodec.AVC;
                    case CODEC_HEVC_LEGACY -> VideoCodec.HEVC;
                    default -> null;
                };
        if (codec == null) {
            return new VideoTag.Unsupported("FLV CodecID " + codecId);
        }
        int packetType = r.u8("AVCPacketType");
        int compositionTime = r.s24("CompositionTime");
        return switch (packetType) {
            case 0 -> new VideoTag.Config(videoConfig(codec, r.rest()));
            case 1 -> codedFrame(codec, timestampMs, compositionTime, isKey(frameType), r);
            case 2 -> new VideoTag.EndOfSequence(codec);
            default -> throw new MediaFormatException("AVCPacketType " + packetType);
        };
    }

    private static VideoTag decodeExVideo(long timestampMs, int first, ByteReader r) {
        int frameType = (first >> 4) & 0x07;
        int packetType = first & 0x0F;
        int modExCount = 0;
        while (packetType == PACKET_MOD_EX) { // E-RTMP v2 ModEx: size, data, then type|packetType
            if (++modExCount > 16) {
                throw new MediaFormatException("too many ModEx prefixes");
            }
            int size = r.u8("modExDataSize") + 1;
            if (size == 256) {
                size = r.u16("modExDataSize") + 1;
            }
            r.skip(size, "modExData");
            packetType = r.u8("videoPacketModExType") & 0x0F;
        }
        if (frameType == FRAME_TYPE_COMMAND && packetType != PACKET_METADATA) {
            return new VideoTag.Ignored("video command frame");
        }
        if (packetType == PACKET_MULTITRACK) {
            return new VideoTag.Unsupported("E-RTMP multitrack video");
        }
        String fourCc = fourCc(r);
        VideoCodec codec =
                switch (fourCc) {
                    case "avc1" -> VideoCodec.AVC;
                    case "hvc1" -> VideoCodec.HEVC;
                    case "av01" -> VideoCodec.AV1;
                    default -> null;
                };
        if (codec == null) {
            return new VideoTag.Unsupported(fourCc);
        }
        boolean key = isKey(frameType);
        return switch (packetType) {
            case PACKET_SEQUENCE_START -> new VideoTag.Config(videoConfig(codec, r.rest()));
            case PACKET_CODED_FRAMES -> {
                int cto = codec == VideoCodec.AV1 ? 0 : r.s24("CompositionTime");
                yield codedFrame(codec, timestampMs, cto, key, r);
            }
            case PACKET_CODED_FRAMES_X -> codedFrame(codec, timestampMs, 0, key, r);
            case PACKET_SEQUENCE_END -> new VideoTag.EndOfSequence(codec);
            case PACKET_METADATA -> new VideoTag.Ignored("video metadata packet");
            default -> new VideoTag.Ignored("video PacketType " + packetType);
        };
    }

    private static VideoTag codedFrame(VideoCodec codec, long dtsMs, int cto, boolean key, ByteReader r) {
        if (r.remaining() == 0) {
            return new VideoTag.Ignored("empty video frame");
        }
        return new VideoTag.Frame(new VideoFrame(codec, dtsMs, cto, key, r.rest()));
    }

    private static VideoConfig videoConfig(VideoCodec codec, byte[] record) {
        if (record.length == 0) {
            throw new MediaFormatException("empty " + codec + " sequence header");
        }
        return switch (codec) {
            case AVC -> AvcDecoderConfig.parse(record);
            case HEVC -> HevcDecoderConfig.parse(record);
            case AV1 -> Av1DecoderConfig.parse(record);
        };
    }

    private static boolean isKey(int frameType) {
        return frameType == FRAME_TYPE_KEY || frameType == FRAME_TYPE_GENERATED_KEY;
    }

    /**
     * Decodes an audio tag body.
     *
     * @param timestampMs the RTMP message timestamp, milliseconds
     */
    public static AudioTag decodeAudio(long timestampMs, byte[] body) {
        return decodeAudio(timestampMs, new ByteReader(body));
    }

    /** Decodes the audio tag body between {@code body}'s position and limit, as {@link #decodeVideo}. */
    public static AudioTag decodeAudio(long timestampMs, ByteBuffer body) {
        return decodeAudio(timestampMs, new ByteReader(body));
    }

    private static AudioTag decodeAudio(long timestampMs, ByteReader r) {
        int first = r.u8("audio tag header");
        int soundFormat = first >> 4;
        if (soundFormat == SOUND_EX_HEADER) {
            return decodeExAudio(timestampMs, first & 0x0F, r);
        }
        if (soundFormat != SOUND_AAC) {
            return new AudioTag.Unsupported("FLV SoundFormat " + soundFormat);
        }
        int packetType = r.u8("AACPacketType");
        return switch (packetType) {
            case 0 -> new AudioTag.Config(AacConfig.parse(r.rest()));
            case 1 -> aacFrame(timestampMs, r);
            default -> throw new MediaFormatException("AACPacketType " + packetType);
        };
    }

    private static AudioTag decodeExAudio(long timestampMs, int packetType, ByteReader r) {
        int modExCount = 0;
        while (packetType == PACKET_MOD_EX) {
            if (++modExCount > 16) {
                throw new MediaFormatException("too many ModEx prefixes");
            }
            int size = r.u8("modExDataSize") + 1;
            if (size == 256) {
                size = r.u16("modExDataSize") + 1;
            }
            r.skip(size, "modExData");
            packetType = r.u8("audioPacketModExType") & 0x0F;
        }
        if (packetType == 5) { // AudioPacketType.Multitrack
            return new AudioTag.Unsupported("E-RTMP multitrack audio");
        }
        String fourCc = fourCc(r);
        if (!fourCc.equals("mp4a")) {
            return new AudioTag.Unsupported(fourCc);
        }
        return switch (packetType) {
            case PACKET_SEQUENCE_START -> new AudioTag.Config(AacConfig.parse(r.rest()));
            case PACKET_CODED_FRAMES -> aacFrame(timestampMs, r);
            case PACKET_SEQUENCE_END -> new AudioTag.Ignored("audio sequence end");
            default -> new AudioTag.Ignored("audio PacketType " + packetType);
        };
    }

    private static AudioTag aacFrame(long timestampMs, ByteReader r) {
        if (r.remaining() == 0) {
            return new AudioTag.Ignored("empty audio frame");
        }
        return new AudioTag.Frame(new AudioFrame(AudioCodec.AAC, timestampMs, r.rest()));
    }

    private static String fourCc(ByteReader r) {
        byte[] b = r.bytes(4, "FourCC");
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b[i] & 0xFF);
        }
        return new String(c);
    }
}
