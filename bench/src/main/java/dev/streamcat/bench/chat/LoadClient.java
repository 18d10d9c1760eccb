package dev.streamcat.bench.chat;

import dev.streamcat.bench.LatencyHistogram;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One chat client of a load run. Netty's WebSocket client does the handshake; then every handler but the frame
 * encoder (which masks what the client sends) leaves the pipeline, and this handler parses the server's frames from
 * the raw bytes (unmasked, RFC 6455 §5.2) — the cheapest honest client: it still reads every frame and, for every
 * text frame whose {@code Content} is a send timestamp ({@code System.nanoTime()} of this process), records the
 * delivery latency. Pings are answered. Confined to its channel's event loop.
 */
final class LoadClient extends ChannelInboundHandlerAdapter {
    private static final byte[] CONTENT = "\"Content\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAME = 1 << 20;
    /** Horspool's bad-character shifts for {@link #CONTENT}. */
    private static final int[] SHIFT = shifts();

    final CompletableFuture<Channel> connected = new CompletableFuture<>();
    private final LatencyHistogram latencies;
    private final LongAdder delivered;
    private final LongAdder closed;
    private final long[] measureFrom;
    private final MessageSpread spread;
    private ByteBuf partial;
    /** A frame's bytes while it is searched (the client is confined to one loop). */
    private byte[] scratch = new byte[1024];

    LoadClient(
            LatencyHistogram latencies,
            LongAdder delivered,
            LongAdder closed,
            long[] measureFrom,
            MessageSpread spread) {
        this.latencies = latencies;
        this.spread = spread;
        this.delivered = delivered;
        this.closed = closed;
        this.measureFrom = measureFrom;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            // After Netty's own clean-up task (it removes the HTTP codec later on the loop).
            ctx.channel().eventLoop().execute(() -> {
                ChannelPipeline pipeline = ctx.pipeline();
                for (String name : pipeline.names()) {
                    ChannelHandler handler = pipeline.get(name);
                    if (handler != null && handler != this && !(handler instanceof WebSocketFrameEncoder)) {
                        pipeline.remove(name);
                    }
                }
                connected.complete(ctx.channel());
            });
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        long now = System.nanoTime();
        ByteBuf in = bytes;
        if (partial != null) {
            partial.writeBytes(bytes);
            bytes.release();
            in = partial;
            partial = null;
        }
        try {
            readFrames(ctx, in, now);
            if (in.isReadable()) {
                partial = ctx.alloc()
                        .heapBuffer(Math.max(256, in.readableBytes() * 2))
                        .writeBytes(in);
            }
        } finally {
            in.release();
        }
    }

    private void readFrames(ChannelHandlerContext ctx, ByteBuf in, long now) {
        while (in.readableBytes() >= 2) {
            int at = in.readerIndex();
            int opcode = in.getByte(at) & 0x0F;
            int length7 = in.getByte(at + 1) & 0x7F;
            int header = length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
            if (in.readableBytes() < header) {
                return;
            }
            long length = length7 == 126 ? in.getUnsignedShort(at + 2) : length7 == 127 ? in.getLong(at + 2) : length7;
            if (length > MAX_FRAME) {
                throw new IllegalStateException("frame of " + length + " bytes");
            }
            if (in.readableBytes() < header + length) {
                return;
            }
            int start = at + header;
            int end = start + (int) length;
            switch (opcode) {
                case 0x1 -> record(in, start, end, now);
                case 0x9 -> ctx.writeAndFlush(new PongWebSocketFrame(in.retainedSlice(start, end - start)));
                case 0x8 -> ctx.close();
                default -> {}
            }
            in.readerIndex(end);
        }
    }

    private void record(ByteBuf in, int start, int end, long now) {
        int length = end - start;
        byte[] text = scratch;
        if (text.length < length) {
            text = scratch = new byte[Math.max(length, 2 * text.length)];
        }
        in.getBytes(start, text, 0, length); // one copy; searching a byte[] beats a getByte per position
        int at = indexOf(text, length);
        if (at < 0) {
            return;
        }
        long sent = 0;
        for (int i = at + CONTENT.length; i < length; i++) {
            byte b = text[i];
            if (b < '0' || b > '9') break;
            sent = sent * 10 + (b - '0');
        }
        long from = measureFrom[0];
        if (from != 0 && sent >= from) {
            delivered.increment();
            latencies.record(now - sent);
            if (spread != null) {
                spread.record(sent, now - sent);
            }
        }
    }

    /**
     * Where {@code "Content":"} starts in the first {@code length} bytes of {@code text}, or -1: a
     * Boyer-Moore-Horspool search (a byte-by-byte scan of every frame was most of this client's time at 100
     * messages/s).
     */
    static int indexOf(byte[] text, int length) {
        int last = CONTENT.length - 1;
        for (int i = 0; i + last < length; i += SHIFT[text[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && text[i + j] == CONTENT[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
    }

    private static int[] shifts() {
        int[] shift = new int[256];
        Arrays.fill(shift, CONTENT.length);
        for (int i = 0; i < CONTENT.length - 1; i++) {
            shift[CONTENT[i] & 0xFF] = CONTENT.length - 1 - i;
        }
        return shift;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (partial != null) {
            partial.release();
            partial = null;
        }
        closed.increment();
        connected.completeExceptionally(new IllegalStateException("closed before the handshake completed"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connected.completeExceptionally(cause);
        ctx.close();
    }
}
