package dev.streamcat.media.flv;

import dev.streamcat.media.VideoCodec;
import dev.streamcat.media.VideoFrame;
import dev.streamcat.media.codec.VideoConfig;

/** The meaning of one FLV video tag body. Immutable. */
public sealed interface VideoTag {
    /** A sequence header: AVC SequenceStart (AVCPacketType 0) or E-RTMP PacketType SequenceStart. */
    record Config(VideoConfig config) implements VideoTag {}

    /** A coded frame: AVC NALU (AVCPacketType 1), E-RTMP CodedFrames / CodedFramesX. */
    record Frame(VideoFrame frame) implements VideoTag {}

    /** End of sequence: AVCPacketType 2 or E-RTMP SequenceEnd. */
    record EndOfSequence(VideoCodec codec) implements VideoTag {}

    /** A codec this pipeline does not handle (e.g. Sorenson H.263, VP6, {@code vp09}). */
    record Unsupported(String codec) implements VideoTag {}

    /** A valid tag that carries no media for us (command frame, HDR metadata, empty frame). */
    record Ignored(String reason) implements VideoTag {}
}
