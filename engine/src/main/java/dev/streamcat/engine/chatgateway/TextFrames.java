package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.protocol.EncodedFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Chat frames as complete WebSocket text frames, ready for the socket. Server frames are never masked (RFC 6455
 * §5.1), so the header and payload bytes are the same for every receiver: a batch is encoded once and every
 * connection gets a {@link ByteBuf#retainedDuplicate() retained duplicate} of it. Header layout: RFC 6455 §5.2 (FIN
 * set, opcode 0x1 text, then the payload length in 7 bits, or 126 + 16 bits, or 127 + 64 bits).
 *
 * <p>Stateless; thread-safe.
 */
final class TextFrames {
    private static final int FIN_TEXT = 0x81;

    private TextFrames() {}

    /** One pooled direct buffer holding {@code frames} as consecutive text frames; the caller releases it. */
    static ByteBuf encode(ByteBufAllocator allocator, List<EncodedFrame> frames) {
        int total = 0;
        for (EncodedFrame frame : frames) {
            total += headerLength(frame.size()) + frame.size();
        }
        ByteBuf out = allocator.directBuffer(total, total);
        for (EncodedFrame frame : frames) {
            writeHeader(out, frame.size());
            out.writeBytes(frame.buffer());
        }
        return out;
    }

    /** Header bytes for a payload of {@code length} bytes. */
    static int headerLength(int length) {
        return length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
    }

    private static void writeHeader(ByteBuf out, int length) {
        out.writeByte(FIN_TEXT);
        if (length <= 125) {
            out.writeByte(length);
        } else if (length <= 0xFFFF) {
            out.writeByte(126);
            out.writeShort(length);
        } else {
            out.writeByte(127);
            out.writeLong(length);
        }
    }
}
