package dev.streamcat.rtmp.internal.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One reassembled RTMP message (RTMP 1.0 §6.1): header fields and the payload, which this holder owns.
 *
 * <p>Not thread-safe; confined to one connection's pipeline.
 */
public final class RawMessage extends DefaultByteBufHolder {

    private final int chunkStreamId;
    private final int typeId;
    private final int streamId;
    private final long timestamp;

    /**
     * @param chunkStreamId chunk stream it arrived on or should leave on (2 for protocol control)
     * @param typeId message type id (§6.1.1)
     * @param streamId message stream id (little-endian on the wire, §5.3.1.2.1)
     * @param timestamp unsigned 32-bit milliseconds
     * @param payload the payload; ownership passes to this holder
     */
    public RawMessage(int chunkStreamId, int typeId, int streamId, long timestamp, ByteBuf payload) {
        super(payload);
        this.chunkStreamId = chunkStreamId;
        this.typeId = typeId;
        this.streamId = streamId;
        this.timestamp = timestamp & 0xFFFFFFFFL;
    }

    public int chunkStreamId() {
        return chunkStreamId;
    }

    public int typeId() {
        return typeId;
    }

    public int streamId() {
        return streamId;
    }

    public long timestamp() {
        return timestamp;
    }

    @Override
    public RawMessage replace(ByteBuf content) {
        return new RawMessage(chunkStreamId, typeId, streamId, timestamp, content);
    }

    @Override
    public String toString() {
        return "RawMessage[csid=" + chunkStreamId + ", type=" + typeId + ", stream=" + streamId + ", ts=" + timestamp
                + ", length=" + content().readableBytes() + "]";
    }
}
