package dev.streamcat.bench.chat;

import dev.streamcat.bench.LatencyHistogram;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One chat client of a load run: completes {@code connected} after the WebSocket handshake, then
 * records for every MESSAGE frame whose content is a send timestamp ({@code System.nanoTime()} of
 * this process) the delivery latency. Confined to its channel's event loop.
 */
final class LoadClient extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final byte[] CONTENT = "\"Content\":\"".getBytes(StandardCharsets.US_ASCII);

    final CompletableFuture<Channel> connected = new CompletableFuture<>();
    private final LatencyHistogram latencies;
    private final LongAdder delivered;
    private final LongAdder closed;
    private final long[] measureFrom;

    LoadClient(LatencyHistogram latencies, LongAdder delivered, LongAdder closed, long[] measureFrom) {
        this.latencies = latencies;
        this.delivered = delivered;
        this.closed = closed;
        this.measureFrom = measureFrom;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            connected.complete(ctx.channel());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        long now = System.nanoTime();
        var content = text.content();
        int at = indexOf(content, CONTENT);
        if (at < 0) {
            return;
        }
        long sent = 0;
        for (int i = at + CONTENT.length; i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b < '0' || b > '9') break;
            sent = sent * 10 + (b - '0');
        }
        if (sent >= measureFrom[0] && measureFrom[0] != 0) {
            delivered.increment();
            latencies.record(now - sent);
        }
    }

    private static int indexOf(io.netty.buffer.ByteBuf buffer, byte[] needle) {
        int end = buffer.writerIndex() - needle.length;
        outer:
        for (int i = buffer.readerIndex(); i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer.getByte(i + j) != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed.increment();
        connected.completeExceptionally(new IllegalStateException("closed before the handshake completed"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connected.completeExceptionally(cause);
        ctx.close();
    }
}
