package dev.streamcat.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the leak extension the other tests rely on sees a leaked buffer. */
@ExtendWith(NettyLeakDetectionExtension.class)
class LeakDetectionTest {

    @Test
    void extensionReportsABufferThatWasNeverReleased() {
        leak();

        assertThat(NettyLeakDetectionExtension.leaksAfterCollection())
                .isNotEmpty()
                .allSatisfy(report -> assertThat(report).startsWith("LEAK: ByteBuf"));
    }

    private static void leak() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        leaked.writeInt(42);
    }
}
