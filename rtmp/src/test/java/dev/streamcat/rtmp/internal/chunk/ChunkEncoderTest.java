package dev.streamcat.rtmp.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class ChunkEncoderTest {

    @Test
    void writesType0ThenType3ChunksWithRepeatedExtendedTimestamp() {
        var channel = new EmbeddedChannel(new ChunkEncoder());
        byte[] data = new byte[200];
        channel.writeOutbound(new RawMessage(3, 20, 1, 0x1000000L, Unpooled.wrappedBuffer(data)));
        ByteBuf out = channel.readOutbound();

        byte[] expectedHeader = {3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, (byte) 200, 20, 1, 0, 0, 0, 1, 0, 0, 0
        };
        assertThat(ByteBufUtil.getBytes(out, 0, 16)).isEqualTo(expectedHeader);
        assertThat(ByteBufUtil.getBytes(out, 16 + 128, 5)).isEqualTo(new byte[] {(byte) 0xC3, 1, 0, 0, 0});
        assertThat(out.readableBytes()).isEqualTo(16 + 128 + 5 + 72);
        out.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void roundTripsThroughDecoderAfterChunkSizeChange() {
        var encoder = new EmbeddedChannel(new ChunkEncoder());
        var decoder = new EmbeddedChannel(new ChunkDecoder(1 << 20, 1 << 20, 8, 1 << 22));
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        encoder.writeOutbound(
                new RawMessage(2, 1, 0, 0, Unpooled.buffer().writeInt(3000)),
                new RawMessage(400, 9, 1, 5, Unpooled.wrappedBuffer(data)));
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            decoder.writeInbound(part);
        }
        RawMessage chunkSize = decoder.readInbound();
        RawMessage video = decoder.readInbound();

        assertThat(chunkSize.typeId()).isEqualTo(1);
        assertThat(video.chunkStreamId()).isEqualTo(400);
        assertThat(ByteBufUtil.getBytes(video.content())).isEqualTo(data);
        chunkSize.release();
        video.release();
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
