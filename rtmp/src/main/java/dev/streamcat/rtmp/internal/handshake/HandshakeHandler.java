package dev.streamcat.rtmp.internal.handshake;

import dev.streamcat.rtmp.RtmpException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Server side of the RTMP handshake (RTMP 1.0 §5.2): reads C0+C1, answers S0+S1+S2 in one write, reads
 * C2, then removes itself so the bytes after C2 reach the chunk decoder. When C1 carries a valid digest
 * (either scheme, see {@link HandshakeDigest}) it answers with the digest form, otherwise with the plain
 * form (S1 with zero version, S2 echoing C1). C2 is not checked: clients differ in what they echo.
 *
 * <p>Closes the connection on RTMPE (C0 = 6 or 8, encryption is not supported) and when the handshake has
 * not finished within the timeout.
 *
 * <p>Not thread-safe: one instance per connection, confined to its event loop.
 */
public final class HandshakeHandler extends ByteToMessageDecoder {

    /** Version the server answers with in S0 (§5.2.2). */
    static final int RTMP_VERSION = 3;

    /** S1 version field in the digest form; clients only check it is non-zero. */
    private static final byte[] SERVER_VERSION = {4, 5, 0, 1};

    private enum State {
        READ_C0_C1,
        READ_C2,
        DISCARD
    }

    private final Duration timeout;
    private State state = State.READ_C0_C1;
    private @Nullable ScheduledFuture<?> timeoutTask;

    public HandshakeHandler(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            scheduleTimeout(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        scheduleTimeout(ctx);
        super.channelActive(ctx);
    }

    private void scheduleTimeout(ChannelHandlerContext ctx) {
        if (timeoutTask == null) {
            timeoutTask = ctx.executor().schedule(() -> ctx.close(), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case READ_C0_C1 -> {
                if (in.readableBytes() >= 1 + HandshakeDigest.BLOCK_SIZE) {
                    answer(ctx, in);
                }
            }
            case READ_C2 -> {
                if (in.readableBytes() >= HandshakeDigest.BLOCK_SIZE) {
                    in.skipBytes(HandshakeDigest.BLOCK_SIZE);
                    finish(ctx);
                }
            }
            case DISCARD -> in.skipBytes(in.readableBytes());
        }
    }

    private void answer(ChannelHandlerContext ctx, ByteBuf in) {
        int version = in.readUnsignedByte();
        if (version == 6 || version == 8) {
            state = State.DISCARD;
            throw RtmpException.protocol("RTMPE (encrypted RTMP, C0 = " + version + ") is not supported");
        }
        byte[] c1 = new byte[HandshakeDigest.BLOCK_SIZE];
        in.readBytes(c1);
        ByteBuf response = ctx.alloc().buffer(1 + 2 * HandshakeDigest.BLOCK_SIZE);
        response.writeByte(RTMP_VERSION);
        response.writeBytes(serverBlocks(c1));
        ctx.writeAndFlush(response);
        state = State.READ_C2;
    }

    /** S1 followed by S2 for the given C1. */
    static byte[] serverBlocks(byte[] c1) {
        int size = HandshakeDigest.BLOCK_SIZE;
        byte[] blocks = new byte[2 * size];
        ThreadLocalRandom.current().nextBytes(blocks);
        Arrays.fill(blocks, 0, 4, (byte) 0); // S1 time
        OptionalInt scheme = c1[4] == 0 && c1[5] == 0 && c1[6] == 0 && c1[7] == 0
                ? OptionalInt.empty()
                : HandshakeDigest.clientScheme(c1);
        if (scheme.isEmpty()) {
            Arrays.fill(blocks, 4, 8, (byte) 0); // S1 zero field (§5.2.3)
            System.arraycopy(c1, 0, blocks, size, size); // S2 echoes C1 (§5.2.4)
            return blocks;
        }
        byte[] s1 = Arrays.copyOf(blocks, size);
        System.arraycopy(SERVER_VERSION, 0, s1, 4, 4);
        HandshakeDigest.signServerBlock(s1, scheme.getAsInt());
        byte[] s2 = Arrays.copyOfRange(blocks, size, 2 * size);
        int offset = HandshakeDigest.digestOffset(c1, scheme.getAsInt());
        HandshakeDigest.signResponse(s2, Arrays.copyOfRange(c1, offset, offset + HandshakeDigest.DIGEST_SIZE));
        System.arraycopy(s1, 0, blocks, 0, size);
        System.arraycopy(s2, 0, blocks, size, size);
        return blocks;
    }

    private void finish(ChannelHandlerContext ctx) {
        cancelTimeout();
        state = State.DISCARD;
        ctx.pipeline().remove(this);
    }

    private void cancelTimeout() {
        ScheduledFuture<?> task = timeoutTask;
        timeoutTask = null;
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelTimeout();
    }
}
