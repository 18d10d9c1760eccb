package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.protocol.FrameType;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.engine.chat.ChatTokenClaims;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep on a real event loop: hundreds of connections on one loop (several sweep steps), frames delivered from
 * another thread while sweeps run, connections leaving mid-sweep. Every connection must get every frame once, in
 * order, and a leaver exactly what was delivered before it left.
 */
class EventLoopFanoutSweepTest {
    private static final int CLIENTS = 3 * EventLoopFanout.SWEEP_STEP + 17;
    private static final int FRAMES = 400;
    private static final int LEAVERS = 40;
    private static final int LEAVE_AFTER = 150;

    private final EventLoopGroup serverLoop = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());

    @AfterEach
    void stop() throws Exception {
        serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void everyConnectionGetsEveryFrameOnceInOrderWhileFramesArriveMidSweep() throws Exception {
        var address = new LocalAddress("fanout-sweep-" + System.nanoTime());
        List<WebSocketChatConnection> connections = new CopyOnWriteArrayList<>();
        var accepted = new CountDownLatch(CLIENTS);
        Channel server = new ServerBootstrap()
                .group(serverLoop)
                .channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        var claims = new ChatTokenClaims(
                                "t",
                                "arn:room",
                                "u" + connections.size(),
                                List.of(),
                                Map.of(),
                                Instant.EPOCH,
                                Instant.MAX);
                        var connection = new WebSocketChatConnection(ch, claims, new NoEvents(), 1 << 20, 1 << 26);
                        ch.pipeline().addLast(connection);
                        connections.add(connection);
                        accepted.countDown();
                    }
                })
                .bind(address)
                .sync()
                .channel();
        List<Collector> collectors = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                var collector = new Collector();
                collectors.add(collector);
                new Bootstrap()
                        .group(clientLoop)
                        .channel(LocalChannel.class)
                        .handler(collector)
                        .connect(address)
                        .sync();
            }
            assertThat(accepted.await(10, TimeUnit.SECONDS)).isTrue();
            List<ChatConnection> slow = new CopyOnWriteArrayList<>();
            var fanout = new EventLoopFanout(serverLoop.next(), 0, ByteBufAllocator.DEFAULT, slow::add);
            connections.forEach(fanout::join);

            List<String> expected = new ArrayList<>();
            for (int n = 0; n < FRAMES; n++) {
                String json = "{\"n\":" + n + "}";
                expected.add(json);
                fanout.deliver(EncodedFrame.of(FrameType.EVENT, "id" + n, json.getBytes(StandardCharsets.UTF_8)));
                if (n == LEAVE_AFTER - 1) {
                    connections.subList(0, LEAVERS).forEach(fanout::leave); // the first ones: swap-removes
                }
            }

            // Which collector belongs to which server connection is not known (accept order), so compare counts.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && collectors.stream().mapToInt(c -> c.frames.size()).sum()
                            < LEAVERS * LEAVE_AFTER + (CLIENTS - LEAVERS) * FRAMES) {
                Thread.sleep(10);
            }
            int leavers = 0;
            int stayers = 0;
            for (Collector collector : collectors) {
                List<String> got = List.copyOf(collector.frames);
                if (got.size() == LEAVE_AFTER) {
                    assertThat(got).isEqualTo(expected.subList(0, LEAVE_AFTER));
                    leavers++;
                } else {
                    assertThat(got).isEqualTo(expected);
                    stayers++;
                }
            }
            assertThat(leavers).isEqualTo(LEAVERS);
            assertThat(stayers).isEqualTo(CLIENTS - LEAVERS);
            assertThat(slow).isEmpty();
            int reads = collectors.stream().mapToInt(c -> c.reads.get()).sum();
            assertThat(reads)
                    .as("frames that arrived mid-sweep shared writes")
                    .isLessThan(LEAVERS * LEAVE_AFTER + (CLIENTS - LEAVERS) * FRAMES);
            fanout.close();
        } finally {
            server.close().sync();
        }
    }

    /** The client end: parses the (unmasked, short) text frames it receives. Confined to the client loop. */
    private static final class Collector extends ChannelInboundHandlerAdapter {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        private final ByteBuf pending = Unpooled.buffer();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            reads.incrementAndGet();
            pending.writeBytes(bytes);
            bytes.release();
            while (pending.readableBytes() >= 2) {
                int length = pending.getUnsignedByte(pending.readerIndex() + 1) & 0x7F;
                if (pending.readableBytes() < 2 + length) {
                    break;
                }
                pending.skipBytes(2);
                frames.add(
                        pending.readCharSequence(length, StandardCharsets.UTF_8).toString());
            }
            pending.discardReadBytes();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pending.release();
        }
    }

    private static final class NoEvents implements WebSocketChatConnection.Events {
        @Override
        public void text(WebSocketChatConnection connection, String text) {}

        @Override
        public void closed(WebSocketChatConnection connection) {}
    }
}
