package dev.streamcat.rtmp.internal.chunk;

import dev.streamcat.rtmp.RtmpException;
import dev.streamcat.rtmp.RtmpLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the RTMP chunk stream (RTMP 1.0 §5.3) into whole {@link RawMessage}s.
 *
 * <p>An explicit state machine: {@code HEADER} reads a complete chunk header (basic header §5.3.1.1,
 * message header types 0-3 §5.3.1.2, extended timestamp §5.3.1.3) only once all its bytes are present;
 * {@code PAYLOAD} copies the chunk's data into the message being reassembled on that chunk stream;
 * {@code DISCARD} is the terminal state after a violation, entered only through {@link #fail}, which
 * releases every partial message and drops all further input.
 *
 * <p>It also applies the chunk-level protocol control messages as soon as they complete (§5.4): Set
 * Chunk Size (type 1) changes the size of the next chunk, Abort (type 2) drops a partial message, and
 * Window Acknowledgement Size (type 5) makes it send Acknowledgements (type 3) through the pipeline.
 * These messages are passed on as well.
 *
 * <p>Limits (constructor arguments): chunk size, message size, number of chunk stream ids, and bytes
 * declared by messages still being reassembled.
 *
 * <p>Not thread-safe: one instance per connection, confined to its event loop.
 */
public final class ChunkDecoder extends ByteToMessageDecoder {

    /** Chunk size until the peer sets another one (§5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;

    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
    private static final int TIMESTAMP_EXTENDED = 0xFFFFFF;

    private enum State {
        HEADER,
        PAYLOAD,
        DISCARD
    }

    private final int maxChunkSize;
    private final int maxMessageSize;
    private final int maxChunkStreams;
    private final long maxPendingBytes;
    private final IntObjectMap<ChunkStream> streams = new IntObjectHashMap<>();

    private State state = State.HEADER;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private @Nullable ChunkStream current;
    private int chunkRemaining;
    private long pendingBytes;
    private long bytesReceived;
    private long lastAcknowledged;
    private long acknowledgementWindow;

    public ChunkDecoder(int maxChunkSize, int maxMessageSize, int maxChunkStreams, long maxPendingBytes) {
        this.maxChunkSize = maxChunkSize;
        this.maxMessageSize = maxMessageSize;
        this.maxChunkStreams = maxChunkStreams;
        this.maxPendingBytes = maxPendingBytes;
    }

    public static ChunkDecoder of(RtmpLimits limits) {
        return new ChunkDecoder(
                limits.maxChunkSize(), limits.maxMessageSize(), limits.maxChunkStreams(), limits.maxPendingBytes());
    }

    /** Current incoming chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        try {
            boolean progress = true;
            while (progress) {
                progress = switch (state) {
                    case HEADER -> readHeader(ctx, in);
                    case PAYLOAD -> readPayload(in, out);
                    case DISCARD -> {
                        in.skipBytes(in.readableBytes());
                        yield false;
                    }
                };
            }
        } finally {
            bytesReceived += in.readerIndex() - start;
        }
        acknowledgeIfDue(ctx);
    }

    private boolean readHeader(ChannelHandlerContext ctx, ByteBuf in) {
        int base = in.readerIndex();
        if (!in.isReadable()) {
            return false;
        }
        int first = in.getUnsignedByte(base);
        int fmt = first >>> 6;
        int basicLength =
                switch (first & 0x3F) {
                    case 0 -> 2;
                    case 1 -> 3;
                    default -> 1;
                };
        if (in.readableBytes() < basicLength) {
            return false;
        }
        int csid =
                switch (basicLength) {
                    case 2 -> 64 + in.getUnsignedByte(base + 1);
                    case 3 -> 64 + in.getUnsignedByte(base + 1) + (in.getUnsignedByte(base + 2) << 8);
                    default -> first & 0x3F;
                };
        ChunkStream stream = streams.get(csid);
        if (stream == null) {
            if (fmt != 0) {
                throw fail("chunk stream " + csid + " starts with a type " + fmt + " header");
            }
            if (streams.size() >= maxChunkStreams) {
                throw fail("more than " + maxChunkStreams + " chunk streams");
            }
        } else if (fmt != 3 && stream.inProgress()) {
            throw fail("type " + fmt + " header inside a message on chunk stream " + csid);
        }
        int fields = base + basicLength;
        int headerLength = basicLength + MESSAGE_HEADER_LENGTH[fmt];
        if (in.readableBytes() < headerLength) {
            return false;
        }
        long timestampField = fmt == 3 ? 0 : in.getUnsignedMedium(fields);
        boolean extended = fmt == 3 ? stream != null && stream.extended : timestampField == TIMESTAMP_EXTENDED;
        if (extended) {
            if (in.readableBytes() < headerLength + 4) {
                return false;
            }
            long extendedValue = in.getUnsignedInt(base + headerLength);
            if (fmt != 3) {
                timestampField = extendedValue;
                headerLength += 4;
            } else if (!stream.inProgress() || extendedValue == stream.timestampField) {
                // Type 3 repeats the extended timestamp of its stream's last header (§5.3.1.3). Some encoders
                // (e.g. older Wowza/FMLE builds) omit it on continuation chunks, so there it is accepted only
                // when it matches; otherwise those 4 bytes are payload.
                headerLength += 4;
            }
        }
        if (stream == null) {
            stream = new ChunkStream(csid);
            streams.put(csid, stream);
        }
        applyHeader(in, stream, fmt, fields, timestampField, extended);
        in.skipBytes(headerLength);
        if (!stream.inProgress()) {
            startMessage(ctx, stream);
        }
        current = stream;
        chunkRemaining = Math.min(chunkSize, stream.messageLength - stream.received());
        state = State.PAYLOAD;
        return true;
    }

    private void applyHeader(
            ByteBuf in, ChunkStream stream, int fmt, int fields, long timestampField, boolean extended) {
        switch (fmt) {
            case 0 -> {
                stream.timestamp = timestampField;
                stream.messageLength = in.getUnsignedMedium(fields + 3);
                stream.typeId = in.getUnsignedByte(fields + 6);
                stream.streamId = in.getIntLE(fields + 7);
            }
            case 1 -> {
                stream.timestamp += timestampField;
                stream.messageLength = in.getUnsignedMedium(fields + 3);
                stream.typeId = in.getUnsignedByte(fields + 6);
            }
            case 2 -> stream.timestamp += timestampField;
            default -> {
                if (!stream.inProgress()) {
                    // A type 3 header starting a new message reuses the last timestamp field as the delta
                    // (§5.3.1.2.4); after a type 0 header that is the absolute value, as ffmpeg reads it.
                    stream.timestamp += stream.timestampField;
                }
            }
        }
        stream.timestamp &= 0xFFFFFFFFL;
        if (fmt != 3) {
            stream.timestampField = timestampField;
            stream.extended = extended;
        }
    }

    private void startMessage(ChannelHandlerContext ctx, ChunkStream stream) {
        int length = stream.messageLength;
        if (length > maxMessageSize) {
            throw fail("message of " + length + " bytes exceeds the limit of " + maxMessageSize);
        }
        if (pendingBytes + length > maxPendingBytes) {
            throw fail("partial messages exceed " + maxPendingBytes + " bytes");
        }
        pendingBytes += length;
        stream.payload = ctx.alloc().buffer(Math.min(length, 64 * 1024), length);
    }

    private boolean readPayload(ByteBuf in, List<Object> out) {
        ChunkStream stream = current;
        if (stream == null || stream.payload == null) {
            throw fail("no message in progress");
        }
        int n = Math.min(chunkRemaining, in.readableBytes());
        stream.payload.writeBytes(in, n);
        chunkRemaining -= n;
        if (chunkRemaining > 0) {
            return false;
        }
        state = State.HEADER;
        current = null;
        if (stream.received() == stream.messageLength) {
            ByteBuf payload = stream.payload;
            stream.payload = null;
            pendingBytes -= stream.messageLength;
            var message = new RawMessage(stream.id, stream.typeId, stream.streamId, stream.timestamp, payload);
            try {
                applyControl(message);
            } catch (RuntimeException e) {
                message.release();
                throw e;
            }
            out.add(message);
        }
        return true;
    }

    /** Chunk-level protocol control, applied before the next chunk is read (§5.4.1, §5.4.2, §5.4.4). */
    private void applyControl(RawMessage message) {
        if (message.streamId() != 0 && message.typeId() <= 6) {
            return; // protocol control travels on message stream 0 (§5.4); others are the session's concern
        }
        ByteBuf payload = message.content();
        switch (message.typeId()) {
            case 1 -> {
                int size = readInt(payload, "Set Chunk Size") & 0x7FFFFFFF;
                if (size < 1 || size > maxChunkSize) {
                    throw fail("chunk size " + size + " outside [1, " + maxChunkSize + "]");
                }
                chunkSize = size;
            }
            case 2 -> {
                ChunkStream aborted = streams.get(readInt(payload, "Abort"));
                if (aborted != null && aborted.inProgress()) {
                    pendingBytes -= aborted.messageLength;
                    aborted.discard();
                }
            }
            case 5 -> acknowledgementWindow = readInt(payload, "Window Acknowledgement Size") & 0xFFFFFFFFL;
            default -> {}
        }
    }

    private int readInt(ByteBuf payload, String what) {
        if (payload.readableBytes() < 4) {
            throw fail(what + " message shorter than 4 bytes");
        }
        return payload.getInt(payload.readerIndex());
    }

    private void acknowledgeIfDue(ChannelHandlerContext ctx) {
        if (acknowledgementWindow > 0 && bytesReceived - lastAcknowledged >= acknowledgementWindow) {
            lastAcknowledged = bytesReceived;
            ByteBuf sequence = ctx.alloc().buffer(4).writeInt((int) bytesReceived);
            ctx.writeAndFlush(new RawMessage(2, 3, 0, 0, sequence));
        }
    }

    /** The single way into {@code DISCARD}: releases partial messages and returns the error to throw. */
    private RtmpException fail(String reason) {
        state = State.DISCARD;
        current = null;
        releaseStreams();
        return RtmpException.protocol(reason);
    }

    private void releaseStreams() {
        for (ChunkStream stream : streams.values()) {
            stream.discard();
        }
        pendingBytes = 0;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseStreams();
    }
}
