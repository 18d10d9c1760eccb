package dev.streamcat.rtmp.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the server's answers with a second, independent implementation of the digest scheme (offsets,
 * keys, S2 signature), so the production class is never used to check itself.
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class HandshakeHandlerTest {

    private static final byte[] TAIL = {
        (byte) 0xF0,
        (byte) 0xEE,
        (byte) 0xC2,
        0x4A,
        (byte) 0x80,
        0x68,
        (byte) 0xBE,
        (byte) 0xE8,
        0x2E,
        0x00,
        (byte) 0xD0,
        (byte) 0xD1,
        0x02,
        (byte) 0x9E,
        0x7E,
        0x57,
        0x6E,
        (byte) 0xEC,
        0x5D,
        0x2D,
        0x29,
        (byte) 0x80,
        0x6F,
        (byte) 0xAB,
        (byte) 0x93,
        (byte) 0xB8,
        (byte) 0xE6,
        0x36,
        (byte) 0xCF,
        (byte) 0xEB,
        0x31,
        (byte) 0xAE
    };
    private static final byte[] FP_KEY_TEXT = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FMS_KEY_TEXT =
            "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);

    private final EmbeddedChannel channel = new EmbeddedChannel(new HandshakeHandler(Duration.ofSeconds(5)));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void answersPlainHandshakeAndPassesBytesAfterC2On() {
        byte[] c1 = new byte[1536];
        new Random(1).nextBytes(c1);
        Arrays.fill(c1, 0, 8, (byte) 0);

        channel.writeInbound(Unpooled.buffer().writeByte(3).writeBytes(c1));
        byte[] answer = readAnswer();

        assertThat(answer[0]).isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(answer, 5, 9)).containsOnly(0);
        assertThat(Arrays.copyOfRange(answer, 1537, 3073)).isEqualTo(c1);

        channel.writeInbound(Unpooled.buffer()
                .writeBytes(Arrays.copyOfRange(answer, 1, 1537))
                .writeBytes(new byte[] {7, 8}));
        ByteBuf rest = channel.readInbound();
        assertThat(ByteBufUtil.getBytes(rest)).containsExactly(7, 8);
        rest.release();
        assertThat(channel.pipeline().get(HandshakeHandler.class)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void answersDigestHandshakeWithValidServerDigestAndSignature(int scheme) throws Exception {
        byte[] c1 = new byte[1536];
        new Random(2 + scheme).nextBytes(c1);
        c1[4] = 9; // client version 9.0.124.2, as ffmpeg sends
        c1[5] = 0;
        c1[6] = 124;
        c1[7] = 2;
        int clientOffset = offset(c1, scheme);
        byte[] clientDigest = digest(c1, clientOffset, Arrays.copyOf(FP_KEY_TEXT, 30));
        System.arraycopy(clientDigest, 0, c1, clientOffset, 32);

        channel.writeInbound(Unpooled.buffer().writeByte(3).writeBytes(c1));
        byte[] answer = readAnswer();
        byte[] s1 = Arrays.copyOfRange(answer, 1, 1537);
        byte[] s2 = Arrays.copyOfRange(answer, 1537, 3073);

        assertThat(s1[4]).isNotZero();
        int serverOffset = offset(s1, scheme);
        assertThat(Arrays.copyOfRange(s1, serverOffset, serverOffset + 32))
                .isEqualTo(digest(s1, serverOffset, FMS_KEY_TEXT));
        byte[] signingKey = hmac(concat(FMS_KEY_TEXT, TAIL), clientDigest);
        assertThat(Arrays.copyOfRange(s2, 1504, 1536)).isEqualTo(hmac(signingKey, Arrays.copyOf(s2, 1504)));
    }

    @Test
    void refusesEncryptedRtmp() {
        assertThatThrownBy(() ->
                        channel.writeInbound(Unpooled.buffer().writeByte(6).writeBytes(new byte[1536])))
                .hasMessageContaining("RTMPE");
    }

    @Test
    void closesWhenHandshakeDoesNotFinishInTime() {
        channel.writeInbound(Unpooled.buffer().writeByte(3).writeBytes(new byte[100]));
        channel.advanceTimeBy(6, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    private byte[] readAnswer() {
        ByteBuf out = channel.readOutbound();
        try {
            assertThat(out.readableBytes()).isEqualTo(3073);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static int offset(byte[] block, int scheme) {
        int base = scheme == 0 ? 8 : 772;
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += block[base + i] & 0xFF;
        }
        return sum % 728 + base + 4;
    }

    private static byte[] digest(byte[] block, int offset, byte[] key) throws Exception {
        byte[] message = new byte[block.length - 32];
        System.arraycopy(block, 0, message, 0, offset);
        System.arraycopy(block, offset + 32, message, offset, block.length - offset - 32);
        return hmac(key, message);
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
