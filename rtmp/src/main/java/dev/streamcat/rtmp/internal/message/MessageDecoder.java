package dev.streamcat.rtmp.internal.message;

import static dev.streamcat.rtmp.internal.message.MessageType.*;

import dev.streamcat.rtmp.RtmpException;
import dev.streamcat.rtmp.internal.amf.Amf0Reader;
import dev.streamcat.rtmp.internal.chunk.RawMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns {@link RawMessage}s into {@link RtmpMessage} records (RTMP 1.0 §5.4, §7.1). Audio and video keep
 * (retain) the payload; everything else is parsed and the raw message released.
 *
 * <p>AMF3 command and data messages (types 17 and 15) begin with one format byte, 0, followed by AMF0
 * values that may switch to AMF3 with the avmplus marker (§7.1.1, AMF0 §3.1).
 *
 * <p>Stateless and sharable: it may sit in many pipelines.
 */
@io.netty.channel.ChannelHandler.Sharable
public final class MessageDecoder extends MessageToMessageDecoder<RawMessage> {

    public MessageDecoder() {
        super(RawMessage.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RawMessage raw, List<Object> out) {
        out.add(decode(raw));
    }

    /** Decodes one message; does not release {@code raw}, but media messages retain its payload. */
    public static RtmpMessage decode(RawMessage raw) {
        ByteBuf payload = raw.content();
        return switch (raw.typeId()) {
            case SET_CHUNK_SIZE -> new RtmpMessage.SetChunkSize(readInt(payload) & 0x7FFFFFFF);
            case ABORT -> new RtmpMessage.Abort(readInt(payload));
            case ACKNOWLEDGEMENT -> new RtmpMessage.Acknowledgement(readInt(payload) & 0xFFFFFFFFL);
            case USER_CONTROL -> decodeUserControl(payload);
            case WINDOW_ACK_SIZE -> new RtmpMessage.WindowAckSize(readInt(payload) & 0xFFFFFFFFL);
            case SET_PEER_BANDWIDTH -> {
                long size = readInt(payload) & 0xFFFFFFFFL;
                int limitType = payload.readableBytes() > 4 ? payload.getUnsignedByte(payload.readerIndex() + 4) : 2;
                yield new RtmpMessage.SetPeerBandwidth(size, limitType);
            }
            case AUDIO -> new RtmpMessage.Audio(raw.timestamp(), raw.streamId(), payload.retainedSlice());
            case VIDEO -> new RtmpMessage.Video(raw.timestamp(), raw.streamId(), payload.retainedSlice());
            case DATA_AMF0 -> new RtmpMessage.Data(raw.timestamp(), raw.streamId(), Amf0Reader.readAll(payload));
            case DATA_AMF3 -> new RtmpMessage.Data(raw.timestamp(), raw.streamId(), readAmf3Body(payload));
            case COMMAND_AMF0 -> command(raw.streamId(), Amf0Reader.readAll(payload));
            case COMMAND_AMF3 -> command(raw.streamId(), readAmf3Body(payload));
            default -> new RtmpMessage.Ignored(raw.typeId(), raw.streamId());
        };
    }

    /** User Control Message (§6.2, events §7.1.7): 2-byte event type, then event data. */
    private static RtmpMessage decodeUserControl(ByteBuf payload) {
        if (payload.readableBytes() < 2) {
            throw RtmpException.protocol("User Control message shorter than 2 bytes");
        }
        int eventType = payload.readUnsignedShort();
        return switch (eventType) {
            case 0 -> new RtmpMessage.StreamBegin(readInt(payload));
            case 1 -> new RtmpMessage.StreamEof(readInt(payload));
            case 3 -> {
                if (payload.readableBytes() < 8) {
                    throw RtmpException.protocol("Set Buffer Length event shorter than 8 bytes");
                }
                int at = payload.readerIndex();
                yield new RtmpMessage.SetBufferLength(payload.getInt(at), payload.getUnsignedInt(at + 4));
            }
            case 6 -> new RtmpMessage.PingRequest(readInt(payload) & 0xFFFFFFFFL);
            case 7 -> new RtmpMessage.PingResponse(readInt(payload) & 0xFFFFFFFFL);
            default -> new RtmpMessage.OtherUserControl(eventType);
        };
    }

    private static List<Object> readAmf3Body(ByteBuf payload) {
        if (payload.isReadable() && payload.getByte(payload.readerIndex()) == 0) {
            payload.skipBytes(1);
        }
        return Amf0Reader.readAll(payload);
    }

    private static RtmpMessage.Command command(int streamId, List<Object> values) {
        if (values.size() < 2 || !(values.get(0) instanceof String name) || !(values.get(1) instanceof Number tx)) {
            throw RtmpException.protocol("command message without a name and transaction id");
        }
        return new RtmpMessage.Command(streamId, name, tx.doubleValue(), values.subList(2, values.size()));
    }

    private static int readInt(ByteBuf payload) {
        if (payload.readableBytes() < 4) {
            throw RtmpException.protocol("control message shorter than its fields");
        }
        return payload.getInt(payload.readerIndex());
    }
}
