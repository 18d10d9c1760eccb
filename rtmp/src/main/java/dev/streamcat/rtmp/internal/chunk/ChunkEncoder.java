package dev.streamcat.rtmp.internal.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Splits the server's outgoing {@link RawMessage}s into chunks (RTMP 1.0 §5.3). The server sends few
 * messages, so every message starts with a type 0 header and continues with type 3 headers, each
 * repeating the extended timestamp when there is one (§5.3.1.3). After encoding a Set Chunk Size
 * message (type 1) it uses the new size for the following messages (§5.4.1).
 *
 * <p>Not thread-safe: one instance per connection, confined to its event loop.
 */
public final class ChunkEncoder extends MessageToByteEncoder<RawMessage> {

    private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

    public ChunkEncoder() {
        super(RawMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RawMessage message, ByteBuf out) {
        ByteBuf payload = message.content();
        int length = payload.readableBytes();
        long timestamp = message.timestamp();
        boolean extended = timestamp >= 0xFFFFFF;
        int nextChunkSize =
                message.typeId() == 1 && length >= 4 ? payload.getInt(payload.readerIndex()) & 0x7FFFFFFF : chunkSize;

        writeBasicHeader(out, 0, message.chunkStreamId());
        out.writeMedium(extended ? 0xFFFFFF : (int) timestamp);
        out.writeMedium(length);
        out.writeByte(message.typeId());
        out.writeIntLE(message.streamId());
        if (extended) {
            out.writeInt((int) timestamp);
        }
        int offset = payload.readerIndex();
        int remaining = length;
        boolean first = true;
        while (first || remaining > 0) {
            if (!first) {
                writeBasicHeader(out, 3, message.chunkStreamId());
                if (extended) {
                    out.writeInt((int) timestamp);
                }
            }
            int n = Math.min(chunkSize, remaining);
            out.writeBytes(payload, offset, n);
            offset += n;
            remaining -= n;
            first = false;
        }
        chunkSize = Math.max(1, nextChunkSize);
    }

    /** Basic header (§5.3.1.1): 1, 2 or 3 bytes depending on the chunk stream id. */
    static void writeBasicHeader(ByteBuf out, int fmt, int csid) {
        if (csid < 64) {
            out.writeByte((fmt << 6) | csid);
        } else if (csid < 320) {
            out.writeByte(fmt << 6).writeByte(csid - 64);
        } else {
            out.writeByte((fmt << 6) | 1).writeByte((csid - 64) & 0xFF).writeByte((csid - 64) >> 8);
        }
    }
}
