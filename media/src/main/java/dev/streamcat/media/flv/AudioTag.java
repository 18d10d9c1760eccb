package dev.streamcat.media.flv;

import dev.streamcat.media.AudioFrame;
import dev.streamcat.media.codec.AudioConfig;

/** The meaning of one FLV audio tag body. Immutable. */
public sealed interface AudioTag {
    /** AAC sequence header (AACPacketType 0) or E-RTMP audio SequenceStart. */
    record Config(AudioConfig config) implements AudioTag {}

    /** A raw access unit (AACPacketType 1) or E-RTMP audio CodedFrames. */
    record Frame(AudioFrame frame) implements AudioTag {}

    /** An audio format this pipeline does not handle (MP3, Speex, Opus, ...). */
    record Unsupported(String codec) implements AudioTag {}

    /** A valid tag that carries no media for us (sequence end, multichannel config, empty frame). */
    record Ignored(String reason) implements AudioTag {}
}
