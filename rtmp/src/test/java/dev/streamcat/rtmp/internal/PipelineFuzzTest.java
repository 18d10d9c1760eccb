package dev.streamcat.rtmp.internal;

import static dev.streamcat.rtmp.internal.ClientWire.connect;
import static dev.streamcat.rtmp.internal.ClientWire.encode;
import static dev.streamcat.rtmp.internal.ClientWire.publishSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.CloseReason;
import dev.streamcat.rtmp.CodecPolicy;
import dev.streamcat.rtmp.PublishDecision;
import dev.streamcat.rtmp.PublishHandle;
import dev.streamcat.rtmp.PublishSink;
import dev.streamcat.rtmp.RtmpException;
import dev.streamcat.rtmp.RtmpLimits;
import dev.streamcat.rtmp.internal.amf.Amf0Reader;
import dev.streamcat.rtmp.internal.chunk.ChunkDecoder;
import dev.streamcat.rtmp.internal.chunk.ChunkEncoder;
import dev.streamcat.rtmp.internal.message.MessageDecoder;
import dev.streamcat.rtmp.internal.message.MessageEncoder;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import dev.streamcat.rtmp.internal.session.PublishSessionHandler;
import dev.streamcat.rtmp.internal.session.PublisherRegistry;
import dev.streamcat.rtmp.internal.session.SessionConfig;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feeds thousands of deterministic random mutations of a realistic publish session (connect, publish,
 * metadata, AVC/AAC tags, a chunk size change, extended timestamps) through the whole decoding pipeline
 * and the AMF reader: nothing may escape, nothing may leak, and every accepted publish is closed once.
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class PipelineFuzzTest {

    private static final int ROUNDS = 3000;
    private static final RtmpLimits LIMITS = new RtmpLimits(
            1 << 16, 1 << 16, 16, 1 << 18, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 10);

    private static byte[] validSession() {
        var messages = new ArrayList<RtmpMessage>();
        messages.add(new RtmpMessage.SetChunkSize(300));
        messages.add(connect("app"));
        messages.addAll(List.of(publishSequence("key?x=y")));
        var meta = new LinkedHashMap<String, Object>();
        meta.put("width", 640.0);
        meta.put("videocodecid", 7.0);
        meta.put("encoder", "Lavf59.27.100");
        messages.add(new RtmpMessage.Data(0, 1, List.of("@setDataFrame", "onMetaData", meta)));
        Random random = new Random(7);
        for (int i = 0; i < 12; i++) {
            long ts = i < 6 ? i * 33L : 0x1000000L + i * 33L;
            byte[] frame = new byte[50 + random.nextInt(900)];
            random.nextBytes(frame);
            frame[0] = (byte) (i % 4 == 0 ? 0x17 : 0x27);
            messages.add(new RtmpMessage.Video(ts, 1, Unpooled.wrappedBuffer(frame)));
            messages.add(new RtmpMessage.Audio(ts, 1, Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF, 1, 2, 3})));
        }
        messages.add(new RtmpMessage.Command(0, "FCUnpublish", 6, List.of(AmfNull.NULL, "key")));
        ByteBuf wire = encode(messages.toArray(RtmpMessage[]::new));
        try {
            return ByteBufUtil.getBytes(wire);
        } finally {
            wire.release();
        }
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] data = input.clone();
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations && data.length > 2; i++) {
            int at = random.nextInt(data.length);
            data = switch (random.nextInt(6)) {
                case 0 -> flip(data, at, random);
                case 1 -> {
                    data[at] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                    yield data;
                }
                case 2 -> splice(data, at, randomBytes(random, 1 + random.nextInt(16)));
                case 3 -> remove(data, at, 1 + random.nextInt(Math.min(64, data.length - at)));
                case 4 ->
                    splice(data, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + 1 + random.nextInt(64))));
                default -> Arrays.copyOf(data, at);
            };
        }
        return data;
    }

    @Test
    void mutatedSessionsNeverEscapeLeakOrCorruptTheSink() {
        byte[] valid = validSession();
        Random random = new Random(20240601);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(valid, random);
            var sink = new CountingSink();
            var registry = new PublisherRegistry();
            EmbeddedChannel channel = pipeline(sink, registry);
            int offset = 0;
            while (offset < input.length && channel.isOpen()) {
                int n = Math.min(input.length - offset, 1 + random.nextInt(512));
                ByteBuf slice = Unpooled.wrappedBuffer(input, offset, n);
                int current = round;
                assertThatCode(() -> channel.writeInbound(slice))
                        .as("round %d", current)
                        .doesNotThrowAnyException();
                channel.runPendingTasks();
                offset += n;
            }
            channel.finishAndReleaseAll();
            assertThat(channel.isOpen()).isFalse();
            assertThat(sink.closes)
                    .as("round %d: one close per accepted publish", round)
                    .isEqualTo(sink.accepts);
            assertThat(sink.starts).as("round %d", round).isLessThanOrEqualTo(sink.accepts);
            assertThat(registry.size()).as("round %d", round).isZero();
        }
    }

    @Test
    void unmutatedSessionPublishesEveryTag() {
        var sink = new CountingSink();
        EmbeddedChannel channel = pipeline(sink, new PublisherRegistry());
        channel.writeInbound(Unpooled.wrappedBuffer(validSession()));
        channel.finishAndReleaseAll();

        assertThat(sink.starts).isEqualTo(1);
        assertThat(sink.tags).isEqualTo(24);
        assertThat(sink.closes).isEqualTo(1);
    }

    @Test
    void amfReaderOnlyEverThrowsRtmpException() {
        ByteBuf command = encodeCommandPayload();
        byte[] valid = ByteBufUtil.getBytes(command);
        command.release();
        Random random = new Random(99);
        for (int round = 0; round < ROUNDS; round++) {
            ByteBuf in = Unpooled.wrappedBuffer(mutate(valid, random));
            try {
                Amf0Reader.readAll(in);
            } catch (RtmpException expected) {
                // malformed input is refused with the protocol's own exception
            }
        }
    }

    private static ByteBuf encodeCommandPayload() {
        RawMessageEncoding encoding = new RawMessageEncoding();
        return encoding.payloadOf(connect("app"));
    }

    private static EmbeddedChannel pipeline(CountingSink sink, PublisherRegistry registry) {
        var config = new SessionConfig(
                "app",
                request -> {
                    sink.accepts++;
                    return CompletableFuture.completedFuture(PublishDecision.accept(sink));
                },
                LIMITS,
                CodecPolicy.defaults(),
                registry,
                false,
                true);
        return new EmbeddedChannel(
                new ChunkEncoder(),
                ChunkDecoder.of(LIMITS),
                new MessageEncoder(),
                new MessageDecoder(),
                new PublishSessionHandler(config));
    }

    /** Encodes one message's payload with the production message encoder. */
    private static final class RawMessageEncoding {
        ByteBuf payloadOf(RtmpMessage message) {
            var raw = MessageEncoder.encode(UnpooledByteBufAllocator.DEFAULT, message);
            ByteBuf payload = raw.content().retain();
            raw.release();
            return payload;
        }
    }

    private static final class CountingSink implements PublishSink {
        int accepts;
        int starts;
        int closes;
        int tags;

        @Override
        public void onStart(PublishHandle handle) {
            starts++;
        }

        @Override
        public void onMetadata(Map<String, Object> metadata) {}

        @Override
        public void onVideo(long timestampMs, ByteBuf body) {
            tags++;
        }

        @Override
        public void onAudio(long timestampMs, ByteBuf body) {
            tags++;
        }

        @Override
        public void onClose(CloseReason reason) {
            closes++;
        }
    }

    private static byte[] flip(byte[] data, int at, Random random) {
        data[at] ^= (byte) (1 << random.nextInt(8));
        return data;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] splice(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    private static byte[] remove(byte[] data, int at, int n) {
        byte[] out = new byte[data.length - n];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, at + n, out, at, data.length - at - n);
        return out;
    }
}
