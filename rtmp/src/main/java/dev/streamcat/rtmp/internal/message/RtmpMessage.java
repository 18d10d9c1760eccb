package dev.streamcat.rtmp.internal.message;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.List;

/**
 * A decoded RTMP message. Control, command and data messages are plain values; audio and video hold
 * their payload and are {@link ReferenceCounted} (see {@link MediaMessage}).
 */
public sealed interface RtmpMessage {

    /** Set Chunk Size (§5.4.1). */
    record SetChunkSize(int size) implements RtmpMessage {}

    /** Abort Message (§5.4.2). */
    record Abort(int chunkStreamId) implements RtmpMessage {}

    /** Acknowledgement (§5.4.3): bytes received so far, unsigned 32-bit. */
    record Acknowledgement(long sequenceNumber) implements RtmpMessage {}

    /** Window Acknowledgement Size (§5.4.4). */
    record WindowAckSize(long size) implements RtmpMessage {}

    /** Set Peer Bandwidth (§5.4.5): limit type 0 hard, 1 soft, 2 dynamic. */
    record SetPeerBandwidth(long size, int limitType) implements RtmpMessage {}

    /** User Control event 0, Stream Begin (§7.1.7). */
    record StreamBegin(int streamId) implements RtmpMessage {}

    /** User Control event 1, Stream EOF (§7.1.7). */
    record StreamEof(int streamId) implements RtmpMessage {}

    /** User Control event 3, Set Buffer Length (§7.1.7). */
    record SetBufferLength(int streamId, long bufferMillis) implements RtmpMessage {}

    /** User Control event 6, Ping Request (§7.1.7). */
    record PingRequest(long timestamp) implements RtmpMessage {}

    /** User Control event 7, Ping Response (§7.1.7). */
    record PingResponse(long timestamp) implements RtmpMessage {}

    /** Any other User Control event; ignored. */
    record OtherUserControl(int eventType) implements RtmpMessage {}

    /**
     * Command message, AMF0 (type 20) or AMF3 (type 17) (§7.1.1, §7.2).
     *
     * @param arguments the values after the transaction id: the command object first, then the rest
     */
    record Command(int streamId, String name, double transactionId, List<Object> arguments) implements RtmpMessage {
        public Command {
            arguments = List.copyOf(arguments);
        }
    }

    /** Data message, AMF0 (type 18) or AMF3 (type 15) (§7.1.2), e.g. {@code @setDataFrame}. */
    record Data(long timestamp, int streamId, List<Object> values) implements RtmpMessage {
        public Data {
            values = List.copyOf(values);
        }
    }

    /** Audio message (type 8, §7.1.4): an FLV audio tag body. */
    record Audio(long timestamp, int streamId, ByteBuf payload) implements MediaMessage {}

    /** Video message (type 9, §7.1.5): an FLV video tag body. */
    record Video(long timestamp, int streamId, ByteBuf payload) implements MediaMessage {}

    /** Shared object, aggregate or unknown message types: ignored by ingest. */
    record Ignored(int typeId, int streamId) implements RtmpMessage {}

    /**
     * Audio or video message that owns its payload. Reference counting delegates to the payload, so {@code
     * ReferenceCountUtil.release(message)} releases the bytes. Whoever holds the message releases it.
     */
    sealed interface MediaMessage extends RtmpMessage, ReferenceCounted permits Audio, Video {

        long timestamp();

        int streamId();

        ByteBuf payload();

        @Override
        default int refCnt() {
            return payload().refCnt();
        }

        @Override
        default MediaMessage retain() {
            payload().retain();
            return this;
        }

        @Override
        default MediaMessage retain(int increment) {
            payload().retain(increment);
            return this;
        }

        @Override
        default MediaMessage touch() {
            payload().touch();
            return this;
        }

        @Override
        default MediaMessage touch(Object hint) {
            payload().touch(hint);
            return this;
        }

        @Override
        default boolean release() {
            return payload().release();
        }

        @Override
        default boolean release(int decrement) {
            return payload().release(decrement);
        }
    }
}
