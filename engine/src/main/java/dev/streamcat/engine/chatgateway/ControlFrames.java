package dev.streamcat.engine.chatgateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The server's WebSocket control frames as bytes (RFC 6455 §5.5): unmasked, final, payload at most 125 bytes. Close
 * frames carry the status code and a UTF-8 reason (§5.5.1), pongs echo the ping's payload (§5.5.3).
 *
 * <p>Stateless; thread-safe.
 */
final class ControlFrames {
    private static final int CLOSE = 0x88;
    private static final int PING = 0x89;
    private static final int PONG = 0x8A;
    private static final int MAX_PAYLOAD = 125;

    private ControlFrames() {}

    /** A close frame; the reason is cut to fit the 125-byte payload. */
    static ByteBuf close(ByteBufAllocator allocator, int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_PAYLOAD - 2);
        ByteBuf out = allocator.directBuffer(4 + length);
        out.writeByte(CLOSE).writeByte(2 + length).writeShort(code).writeBytes(text, 0, length);
        return out;
    }

    /** A ping with no payload. */
    static ByteBuf ping(ByteBufAllocator allocator) {
        return allocator.directBuffer(2).writeByte(PING).writeByte(0);
    }

    /** A pong echoing {@code payload} (a ping's, at most 125 bytes by the protocol; longer is cut). */
    static ByteBuf pong(ByteBufAllocator allocator, ByteBuf payload) {
        int length = Math.min(payload.readableBytes(), MAX_PAYLOAD);
        ByteBuf out = allocator.directBuffer(2 + length);
        out.writeByte(PONG).writeByte(length).writeBytes(payload, payload.readerIndex(), length);
        return out;
    }
}
