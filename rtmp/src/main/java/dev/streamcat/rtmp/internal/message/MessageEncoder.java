package dev.streamcat.rtmp.internal.message;

import static dev.streamcat.rtmp.internal.message.MessageType.*;

import dev.streamcat.rtmp.internal.amf.Amf0Writer;
import dev.streamcat.rtmp.internal.chunk.RawMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link RtmpMessage} records into {@link RawMessage}s for the chunk encoder. Commands and data
 * are written as AMF0 (types 20 and 18); control messages go on chunk stream 2, message stream 0 (§5.4).
 * Media messages hand their payload over (the encoder releases the record, the raw message takes the
 * bytes).
 *
 * <p>Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToMessageEncoder<RtmpMessage> {

    public MessageEncoder() {
        super(RtmpMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RtmpMessage message, List<Object> out) {
        out.add(encode(ctx.alloc(), message));
    }

    /** Encodes one message; a media message's payload is retained for the result. */
    public static RawMessage encode(ByteBufAllocator alloc, RtmpMessage message) {
        return switch (message) {
            case RtmpMessage.SetChunkSize m -> control(alloc, SET_CHUNK_SIZE, m.size());
            case RtmpMessage.Abort m -> control(alloc, ABORT, m.chunkStreamId());
            case RtmpMessage.Acknowledgement m -> control(alloc, ACKNOWLEDGEMENT, (int) m.sequenceNumber());
            case RtmpMessage.WindowAckSize m -> control(alloc, WINDOW_ACK_SIZE, (int) m.size());
            case RtmpMessage.SetPeerBandwidth m ->
                raw(
                        CSID_CONTROL,
                        SET_PEER_BANDWIDTH,
                        0,
                        0,
                        alloc.buffer(5).writeInt((int) m.size()).writeByte(m.limitType()));
            case RtmpMessage.StreamBegin m -> userControl(alloc, 0, m.streamId());
            case RtmpMessage.StreamEof m -> userControl(alloc, 1, m.streamId());
            case RtmpMessage.SetBufferLength m ->
                raw(
                        CSID_CONTROL,
                        USER_CONTROL,
                        0,
                        0,
                        alloc.buffer(10).writeShort(3).writeInt(m.streamId()).writeInt((int) m.bufferMillis()));
            case RtmpMessage.PingRequest m -> userControl(alloc, 6, (int) m.timestamp());
            case RtmpMessage.PingResponse m -> userControl(alloc, 7, (int) m.timestamp());
            case RtmpMessage.OtherUserControl m ->
                raw(CSID_CONTROL, USER_CONTROL, 0, 0, alloc.buffer(2).writeShort(m.eventType()));
            case RtmpMessage.Command m -> {
                var values = new ArrayList<Object>(m.arguments().size() + 2);
                values.add(m.name());
                values.add(m.transactionId());
                values.addAll(m.arguments());
                yield raw(CSID_COMMAND, COMMAND_AMF0, m.streamId(), 0, amf0(alloc, values));
            }
            case RtmpMessage.Data m -> raw(CSID_DATA, DATA_AMF0, m.streamId(), m.timestamp(), amf0(alloc, m.values()));
            case RtmpMessage.Audio m ->
                raw(CSID_AUDIO, AUDIO, m.streamId(), m.timestamp(), m.payload().retain());
            case RtmpMessage.Video m ->
                raw(CSID_VIDEO, VIDEO, m.streamId(), m.timestamp(), m.payload().retain());
            case RtmpMessage.Ignored m -> raw(CSID_DATA, m.typeId(), m.streamId(), 0, alloc.buffer(0));
        };
    }

    private static RawMessage control(ByteBufAllocator alloc, int typeId, int value) {
        return raw(CSID_CONTROL, typeId, 0, 0, alloc.buffer(4).writeInt(value));
    }

    private static RawMessage userControl(ByteBufAllocator alloc, int eventType, int value) {
        return raw(
                CSID_CONTROL,
                USER_CONTROL,
                0,
                0,
                alloc.buffer(6).writeShort(eventType).writeInt(value));
    }

    private static ByteBuf amf0(ByteBufAllocator alloc, List<Object> values) {
        ByteBuf buf = alloc.buffer();
        try {
            Amf0Writer.writeAll(buf, values);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    private static RawMessage raw(int csid, int typeId, int streamId, long timestamp, ByteBuf payload) {
        return new RawMessage(csid, typeId, streamId, timestamp, payload);
    }
}
