package dev.streamcat.engine.chatgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.protocol.FrameType;
import dev.streamcat.chat.room.ChatConnection;
import dev.streamcat.chat.room.DisconnectCause;
import dev.streamcat.engine.chat.ChatTokenClaims;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's fan-out on real Netty channels (embedded): batching per tick, order, encoding once, slow consumers. */
class EventLoopFanoutTest {
    private static final long TICK_MILLIS = 20;

    private final List<ChatConnection> slow = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void releaseEverything() {
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    private WebSocketChatConnection connection(String userId, long maxQueuedBytes) {
        var channel = new EmbeddedChannel();
        var claims = new ChatTokenClaims(
                "token-" + userId, "arn:room", userId, List.of(), Map.of(), Instant.EPOCH, Instant.MAX);
        var connection = new WebSocketChatConnection(channel, claims, new NoEvents(), 256, maxQueuedBytes);
        channel.pipeline().addLast(connection);
        channels.add(channel);
        return connection;
    }

    private EventLoopFanout fanout(EmbeddedChannel ticker) {
        return new EventLoopFanout(
                ticker.eventLoop(), TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS), ByteBufAllocator.DEFAULT, slow::add);
    }

    private static EncodedFrame frame(String id, String json) {
        return EncodedFrame.of(FrameType.EVENT, id, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs every loop's tasks, after letting the tick fire. */
    private void tick() {
        for (EmbeddedChannel channel : channels) {
            channel.advanceTimeBy(TICK_MILLIS, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
        for (int round = 0; round < 3; round++) {
            channels.forEach(EmbeddedChannel::runPendingTasks);
        }
    }

    /** The text payloads of the WebSocket frames written to {@code channel}, in order, one list per write. */
    private static List<List<String>> writes(EmbeddedChannel channel) {
        List<List<String>> writes = new ArrayList<>();
        for (ByteBuf bytes; (bytes = channel.readOutbound()) != null; ) {
            writes.add(frames(bytes));
            bytes.release();
        }
        return writes;
    }

    private static List<String> frames(ByteBuf bytes) {
        List<String> frames = new ArrayList<>();
        ByteBuf in = bytes.duplicate();
        while (in.isReadable()) {
            int opcode = in.readUnsignedByte() & 0x0F;
            int length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            }
            String payload = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
            frames.add(opcode == 0x1 ? payload : "opcode " + opcode);
        }
        return frames;
    }

    @Test
    void writesFramesOfOneTickTogetherInDeliveryOrder() {
        var alice = connection("alice", 1 << 20);
        var bob = connection("bob", 1 << 20);
        var fanout = fanout(channels.get(0));
        fanout.join(alice);
        fanout.join(bob);
        tick();

        fanout.deliver(frame("1", "{\"n\":1}"));
        fanout.deliver(frame("2", "{\"n\":2}"));
        fanout.deliver(frame("3", "x".repeat(300)));
        channels.forEach(EmbeddedChannel::runPendingTasks);
        assertThat(writes(channels.get(0))).as("nothing before the tick").isEmpty();

        tick();
        List<String> expected = List.of("{\"n\":1}", "{\"n\":2}", "x".repeat(300));
        assertThat(writes(channels.get(0))).containsExactly(expected);
        assertThat(writes(channels.get(1))).containsExactly(expected);
    }

    @Test
    void encodesEachBatchOnceForEveryConnection() {
        var alice = connection("alice", 1 << 20);
        var bob = connection("bob", 1 << 20);
        var fanout = fanout(channels.get(0));
        fanout.join(alice);
        fanout.join(bob);
        tick();

        fanout.deliver(frame("1", "{\"n\":1}"));
        tick();
        ByteBuf toAlice = channels.get(0).readOutbound();
        ByteBuf toBob = channels.get(1).readOutbound();
        try {
            assertThat(toAlice).isNotSameAs(toBob);
            assertThat(toAlice.hasMemoryAddress()).isTrue();
            assertThat(toAlice.memoryAddress() + toAlice.readerIndex())
                    .as("views of the same encoded bytes")
                    .isEqualTo(toBob.memoryAddress() + toBob.readerIndex());
        } finally {
            toAlice.release();
            toBob.release();
        }
    }

    @Test
    void singleFramesAndTheCloseFollowWaitingBroadcasts() {
        var alice = connection("alice", 1 << 20);
        var fanout = fanout(channels.get(0));
        fanout.join(alice);
        tick();

        fanout.deliver(frame("1", "{\"n\":1}"));
        alice.send(frame("e", "{\"error\":true}"));
        alice.disconnect(DisconnectCause.DISCONNECTED_BY_MODERATOR);
        fanout.deliver(frame("2", "{\"n\":2}"));
        tick();

        assertThat(writes(channels.get(0)))
                .containsExactly(List.of("{\"n\":1}"), List.of("{\"error\":true}"), List.of("opcode 8"));
    }

    @Test
    void reportsAConnectionWhoseQueueWouldOverflowAndWritesToTheOthers() {
        var small = connection("small", 1024);
        var large = connection("large", 1 << 20);
        var fanout = fanout(channels.get(0));
        fanout.join(small);
        fanout.join(large);
        tick();

        fanout.deliver(frame("big", "y".repeat(2000)));
        tick();

        assertThat(slow).containsExactly(small);
        assertThat(writes(channels.get(0))).isEmpty();
        assertThat(writes(channels.get(1))).containsExactly(List.of("y".repeat(2000)));
    }

    @Test
    void leftConnectionsGetNothingMore() {
        var alice = connection("alice", 1 << 20);
        var bob = connection("bob", 1 << 20);
        var fanout = fanout(channels.get(0));
        fanout.join(alice);
        fanout.join(bob);
        tick();

        fanout.deliver(frame("1", "{\"n\":1}"));
        fanout.leave(bob);
        fanout.deliver(frame("2", "{\"n\":2}"));
        tick();

        assertThat(writes(channels.get(0))).containsExactly(List.of("{\"n\":1}"), List.of("{\"n\":2}"));
        assertThat(writes(channels.get(1)))
                .as("what was delivered before it left")
                .containsExactly(List.of("{\"n\":1}"));
    }

    private static final class NoEvents implements WebSocketChatConnection.Events {
        @Override
        public void text(WebSocketChatConnection connection, String text) {}

        @Override
        public void closed(WebSocketChatConnection connection) {}
    }
}
