package dev.streamcat.rtmp.internal.chunk;

import static dev.streamcat.rtmp.internal.ClientWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class ChunkDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ChunkDecoder(1 << 20, 1 << 20, 8, 4 << 20));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    /** Type 0 header (RTMP 1.0 §5.3.1.2.1) for csid, timestamp, length, type id, stream id. */
    private static ByteBuf type0(int csid, int timestamp, int length, int typeId, int streamId) {
        return Unpooled.buffer()
                .writeByte(csid)
                .writeMedium(timestamp)
                .writeMedium(length)
                .writeByte(typeId)
                .writeIntLE(streamId);
    }

    private static byte[] payload(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed + i);
        }
        return data;
    }

    private List<RawMessage> feed(ByteBuf... parts) {
        for (ByteBuf part : parts) {
            channel.writeInbound(part);
        }
        var messages = new ArrayList<RawMessage>();
        for (RawMessage m; (m = channel.readInbound()) != null; ) {
            messages.add(m);
        }
        return messages;
    }

    private static void assertMessage(RawMessage m, int csid, int type, int stream, long ts, byte[] data) {
        try {
            assertThat(m.chunkStreamId()).isEqualTo(csid);
            assertThat(m.typeId()).isEqualTo(type);
            assertThat(m.streamId()).isEqualTo(stream);
            assertThat(m.timestamp()).isEqualTo(ts);
            assertThat(ByteBufUtil.getBytes(m.content())).isEqualTo(data);
        } finally {
            m.release();
        }
    }

    @Test
    void decodesType0MessageInOneChunk() {
        byte[] data = payload(100, 1);
        var messages = feed(type0(4, 1000, 100, 9, 1).writeBytes(data));

        assertThat(messages).hasSize(1);
        assertMessage(messages.get(0), 4, 9, 1, 1000, data);
    }

    @Test
    void reassemblesMessageSpanningManyChunksWithType3Continuations() {
        byte[] data = payload(1000, 7); // 128-byte chunks: 8 chunks
        ByteBuf wire = type0(6, 0, 1000, 9, 1).writeBytes(data, 0, 128);
        for (int offset = 128; offset < 1000; offset += 128) {
            wire.writeByte(0xC0 | 6).writeBytes(data, offset, Math.min(128, 1000 - offset));
        }
        var messages = feed(wire);

        assertThat(messages).hasSize(1);
        assertMessage(messages.get(0), 6, 9, 1, 0, data);
    }

    @Test
    void appliesType1And2TimestampDeltasAndType3ReusesLastDelta() {
        ByteBuf wire = type0(4, 1000, 2, 8, 1).writeBytes(new byte[] {1, 2});
        wire.writeByte(0x40 | 4).writeMedium(20).writeMedium(3).writeByte(8).writeBytes(new byte[] {3, 4, 5});
        wire.writeByte(0x80 | 4).writeMedium(23).writeBytes(new byte[] {6, 7, 8});
        wire.writeByte(0xC0 | 4).writeBytes(new byte[] {9, 10, 11});
        var messages = feed(wire);

        assertThat(messages).hasSize(4);
        assertMessage(messages.get(0), 4, 8, 1, 1000, new byte[] {1, 2});
        assertMessage(messages.get(1), 4, 8, 1, 1020, new byte[] {3, 4, 5});
        assertMessage(messages.get(2), 4, 8, 1, 1043, new byte[] {6, 7, 8});
        assertMessage(messages.get(3), 4, 8, 1, 1066, new byte[] {9, 10, 11});
    }

    @Test
    void decodesHeadersSplitAcrossReadsByteByByte() {
        byte[] data = payload(300, 3);
        ByteBuf wire = type0(5, 77, 300, 18, 1).writeBytes(data, 0, 128);
        wire.writeByte(0xC5).writeBytes(data, 128, 128).writeByte(0xC5).writeBytes(data, 256, 44);
        var messages = new ArrayList<RawMessage>();
        while (wire.isReadable()) {
            messages.addAll(feed(wire.readRetainedSlice(1)));
        }
        wire.release();

        assertThat(messages).hasSize(1);
        assertMessage(messages.get(0), 5, 18, 1, 77, data);
    }

    @Test
    void readsExtendedTimestampOnType0AndRepeatedOnType3Continuation() {
        byte[] data = payload(200, 9);
        ByteBuf wire = type0(4, 0xFFFFFF, 200, 9, 1).writeInt(0x12345678).writeBytes(data, 0, 128);
        wire.writeByte(0xC4).writeInt(0x12345678).writeBytes(data, 128, 72);
        var messages = feed(wire);

        assertThat(messages).hasSize(1);
        assertMessage(messages.get(0), 4, 9, 1, 0x12345678L, data);
    }

    @Test
    void acceptsType3ContinuationWithoutRepeatedExtendedTimestamp() {
        byte[] data = payload(200, 0x40);
        ByteBuf wire = type0(4, 0xFFFFFF, 200, 9, 1).writeInt(0x01000000).writeBytes(data, 0, 128);
        wire.writeByte(0xC4).writeBytes(data, 128, 72);
        var messages = feed(wire);

        assertThat(messages).hasSize(1);
        assertMessage(messages.get(0), 4, 9, 1, 0x01000000L, data);
    }

    @Test
    void type3StartingNewMessageRepeatsExtendedDelta() {
        ByteBuf wire = type0(4, 0, 1, 8, 1).writeByte(1);
        wire.writeByte(0x80 | 4).writeMedium(0xFFFFFF).writeInt(0x01000000).writeByte(2);
        wire.writeByte(0xC0 | 4).writeInt(0x01000000).writeByte(3);
        var messages = feed(wire);

        assertThat(messages).hasSize(3);
        assertMessage(messages.get(0), 4, 8, 1, 0, new byte[] {1});
        assertMessage(messages.get(1), 4, 8, 1, 0x01000000L, new byte[] {2});
        assertMessage(messages.get(2), 4, 8, 1, 0x02000000L, new byte[] {3});
    }

    @Test
    void interleavesChunksOfDifferentChunkStreams() {
        byte[] video = payload(200, 1);
        byte[] audio = payload(150, 100);
        ByteBuf wire = type0(6, 40, 200, 9, 1).writeBytes(video, 0, 128);
        wire.writeBytes(type0(4, 41, 150, 8, 1)).writeBytes(audio, 0, 128);
        wire.writeByte(0xC6).writeBytes(video, 128, 72);
        wire.writeByte(0xC4).writeBytes(audio, 128, 22);
        var messages = feed(wire);

        assertThat(messages).hasSize(2);
        assertMessage(messages.get(0), 6, 9, 1, 40, video);
        assertMessage(messages.get(1), 4, 8, 1, 41, audio);
    }

    @Test
    void appliesSetChunkSizeBeforeTheNextChunk() {
        byte[] data = payload(4000, 5);
        ByteBuf wire = type0(2, 0, 4, 1, 0).writeInt(4096);
        wire.writeBytes(type0(6, 0, 4000, 9, 1)).writeBytes(data);
        var messages = feed(wire);

        assertThat(messages).hasSize(2);
        assertMessage(messages.get(0), 2, 1, 0, 0, new byte[] {0, 0, 0x10, 0});
        assertMessage(messages.get(1), 6, 9, 1, 0, data);
        assertThat(((ChunkDecoder) channel.pipeline().first()).chunkSize()).isEqualTo(4096);
    }

    @Test
    void decodesTwoAndThreeByteBasicHeaders() {
        ByteBuf wire = Unpooled.buffer().writeByte(0).writeByte(10); // csid 74
        wire.writeMedium(5).writeMedium(1).writeByte(8).writeIntLE(1).writeByte(42);
        wire.writeByte(1).writeByte(0x10).writeByte(0x02); // csid 64 + 16 + 512 = 592
        wire.writeMedium(6).writeMedium(1).writeByte(9).writeIntLE(1).writeByte(43);
        var messages = feed(wire);

        assertThat(messages).hasSize(2);
        assertMessage(messages.get(0), 74, 8, 1, 5, new byte[] {42});
        assertMessage(messages.get(1), 592, 9, 1, 6, new byte[] {43});
    }

    @Test
    void abortDropsThePartialMessage() {
        byte[] data = payload(200, 1);
        ByteBuf wire = type0(6, 0, 200, 9, 1).writeBytes(data, 0, 128);
        wire.writeBytes(type0(2, 0, 4, 2, 0)).writeInt(6);
        wire.writeBytes(type0(6, 10, 1, 9, 1)).writeByte(99);
        var messages = feed(wire);

        assertThat(messages).hasSize(2);
        messages.get(0).release();
        assertMessage(messages.get(1), 6, 9, 1, 10, new byte[] {99});
    }

    @Test
    void sendsAcknowledgementWhenWindowIsReached() {
        ByteBuf wire = type0(2, 0, 4, 5, 0).writeInt(100);
        wire.writeBytes(type0(6, 0, 120, 9, 1)).writeBytes(payload(120, 0));
        feed(wire).forEach(RawMessage::release);

        RawMessage ack = channel.readOutbound();
        assertThat(ack.typeId()).isEqualTo(3);
        assertThat(ack.content().getInt(0)).isEqualTo(16 + 12 + 120);
        ack.release();
    }

    @Test
    void refusesFirstChunkWithoutType0Header() {
        assertThatThrownBy(() -> channel.writeInbound(bytes(0x44, 0, 0, 1, 0, 0, 1, 9, 7)))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("starts with a type 1 header");
    }

    @Test
    void refusesMessageLargerThanLimit() {
        assertThatThrownBy(() -> channel.writeInbound(type0(4, 0, 2 << 20, 9, 1)))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void refusesTooManyChunkStreamsAndDiscardsInputAfterwards() {
        ByteBuf wire = Unpooled.buffer();
        for (int csid = 3; csid < 12; csid++) {
            wire.writeBytes(type0(csid, 0, 5, 9, 1)).writeBytes(new byte[5]);
        }
        assertThatThrownBy(() -> channel.writeInbound(wire)).hasMessageContaining("more than 8 chunk streams");
        channel.releaseInbound();
        assertThat(channel.writeInbound(type0(3, 0, 1, 9, 1).writeByte(1))).isFalse();
    }

    @Test
    void refusesChunkSizeAboveLimit() {
        assertThatThrownBy(() -> channel.writeInbound(type0(2, 0, 4, 1, 0).writeInt(1 << 21)))
                .hasMessageContaining("chunk size");
    }

    @Test
    void refusesPendingBytesAboveLimit() {
        var small = new EmbeddedChannel(new ChunkDecoder(1 << 20, 1 << 20, 8, 1 << 20));
        ByteBuf wire = type0(4, 0, 600_000, 9, 1).writeBytes(new byte[128]);
        wire.writeBytes(type0(5, 0, 600_000, 9, 1));
        assertThatThrownBy(() -> small.writeInbound(wire)).hasMessageContaining("partial messages exceed");
        small.finishAndReleaseAll();
    }
}
