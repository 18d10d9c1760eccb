package dev.streamcat.bench.live;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.internal.amf.Amf0Writer;
import dev.streamcat.rtmp.internal.chunk.ChunkEncoder;
import dev.streamcat.rtmp.internal.chunk.RawMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RTMP publisher (RTMP 1.0 §5.2 plain handshake, connect / createStream / publish) that
 * replays an FLV file in real time, looping, and records when each video frame left: the reference
 * for "frame arrival" in latency measurements. Cheap by design: tags are sent as they are, no
 * encoding. Thread-safe: all I/O runs on the channel's event loop.
 */
final class RtmpPublisher {
    private static final int CHUNK_SIZE = 60_000;

    private final Channel channel;
    private final CompletableFuture<Void> publishing;
    /** Video frame timestamp (ms, as sent) → System.nanoTime() when it was written. */
    final ConcurrentSkipListMap<Long, Long> videoSentAt = new ConcurrentSkipListMap<>();

    private RtmpPublisher(Channel channel, CompletableFuture<Void> publishing) {
        this.channel = channel;
        this.publishing = publishing;
    }

    static RtmpPublisher connect(EventLoopGroup group, String host, int port, String app, String key) throws Exception {
        CompletableFuture<Void> publishing = new CompletableFuture<>();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ChunkEncoder(), new Handshake(host, port, app, key, publishing));
                    }
                })
                .connect(host, port)
                .sync()
                .channel();
        publishing.get(15, TimeUnit.SECONDS);
        return new RtmpPublisher(channel, publishing);
    }

    /** Replays the file for {@code seconds}, pacing tags by their timestamps; blocks until done. */
    void replay(FlvFile file, int seconds, long startNanos) throws InterruptedException {
        long end = startNanos + seconds * 1_000_000_000L;
        long loopOffset = 0;
        boolean first = true;
        send(18, 0, setDataFrame(file));
        while (System.nanoTime() < end && channel.isActive()) {
            for (FlvFile.Tag tag : file.tags()) {
                if (tag.type() == 18 || (!first && tag.sequenceHeader())) continue;
                long ts = tag.timestampMs() + loopOffset;
                long due = startNanos + ts * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                if (System.nanoTime() >= end || !channel.isActive()) break;
                if (tag.type() == 9 && !tag.sequenceHeader()) videoSentAt.put(ts, System.nanoTime());
                send(tag.type(), ts, tag.body());
            }
            first = false;
            loopOffset += file.durationMs() + 33;
        }
    }

    private static byte[] setDataFrame(FlvFile file) {
        for (FlvFile.Tag tag : file.tags()) {
            if (tag.type() == 18) {
                ByteBuf out = Unpooled.buffer();
                Amf0Writer.write(out, "@setDataFrame");
                out.writeBytes(tag.body());
                byte[] bytes = new byte[out.readableBytes()];
                out.readBytes(bytes);
                return bytes;
            }
        }
        return new byte[0];
    }

    private void send(int type, long ts, byte[] body) {
        int csid = type == 8 ? 4 : type == 9 ? 6 : 5;
        channel.writeAndFlush(new RawMessage(csid, type, 1, ts, Unpooled.wrappedBuffer(body)));
    }

    void close() {
        channel.close().syncUninterruptibly();
    }

    boolean active() {
        return channel.isActive() && publishing.isDone() && !publishing.isCompletedExceptionally();
    }

    /** Plain handshake, then the publish commands; completes {@code publishing} on NetStream.Publish.Start. */
    private static final class Handshake extends ChannelInboundHandlerAdapter {
        private final String host;
        private final int port;
        private final String app;
        private final String key;
        private final CompletableFuture<Void> publishing;
        private final ByteBuf received = Unpooled.buffer();
        private boolean handshaken;

        Handshake(String host, int port, String app, String key, CompletableFuture<Void> publishing) {
            this.host = host;
            this.port = port;
            this.app = app;
            this.key = key;
            this.publishing = publishing;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ByteBuf c0c1 = Unpooled.buffer(1537).writeByte(3).writeInt(0).writeInt(0);
            byte[] random = new byte[1528];
            ThreadLocalRandom.current().nextBytes(random);
            ctx.writeAndFlush(c0c1.writeBytes(random));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                received.writeBytes(in);
            } finally {
                in.release();
            }
            if (!handshaken && received.readableBytes() >= 3073) {
                handshaken = true;
                ctx.write(Unpooled.copiedBuffer(received.slice(1, 1536)));
                received.skipBytes(3073);
                ctx.write(new RawMessage(2, 1, 0, 0, Unpooled.buffer(4).writeInt(CHUNK_SIZE)));
                Map<String, Object> connect = new LinkedHashMap<>();
                connect.put("app", app);
                connect.put("type", "nonprivate");
                connect.put("flashVer", "FMLE/3.0 (compatible; StreamCatBench)");
                connect.put("tcUrl", "rtmp://" + host + ":" + port + "/" + app);
                command(ctx, 0, List.of("connect", 1.0, connect));
                command(ctx, 0, List.of("createStream", 2.0, AmfNull.NULL));
                command(ctx, 1, List.of("publish", 3.0, AmfNull.NULL, key, "live"));
                ctx.flush();
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (text.contains("NetStream.Publish.Start")) {
                publishing.complete(null);
                received.clear();
            } else if (text.contains("NetStream.Publish.BadName") || text.contains("NetStream.Publish.Denied")) {
                publishing.completeExceptionally(
                        new IllegalStateException("publish refused: " + text.replaceAll("[^ -~]", " ")));
            }
            if (received.readableBytes() > 65536) received.clear();
        }

        private static void command(ChannelHandlerContext ctx, int streamId, List<?> values) {
            ByteBuf payload = Unpooled.buffer();
            Amf0Writer.writeAll(payload, values);
            ctx.write(new RawMessage(3, 20, streamId, 0, payload));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            received.release();
            publishing.completeExceptionally(new IllegalStateException("connection closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            publishing.completeExceptionally(cause);
            ctx.close();
        }
    }
}
