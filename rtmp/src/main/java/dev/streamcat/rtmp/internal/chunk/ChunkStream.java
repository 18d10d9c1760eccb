package dev.streamcat.rtmp.internal.chunk;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * What the decoder remembers per chunk stream id to expand compressed headers (RTMP 1.0 §5.3.1.2):
 * the last header's fields and the message being reassembled.
 *
 * <p>Not thread-safe; owned by one {@link ChunkDecoder}.
 */
final class ChunkStream {
    final int id;
    /** Absolute timestamp of the current (or last) message, unsigned 32-bit. */
    long timestamp;
    /** The timestamp field of the last type 0/1/2 header: absolute for type 0, a delta otherwise. */
    long timestampField;
    /** Whether the last type 0/1/2 header carried an Extended Timestamp (§5.3.1.3). */
    boolean extended;

    int messageLength;
    int typeId;
    int streamId;
    /** The message being reassembled; null between messages. */
    @Nullable
    ByteBuf payload;

    ChunkStream(int id) {
        this.id = id;
    }

    boolean inProgress() {
        return payload != null;
    }

    int received() {
        ByteBuf current = payload;
        return current == null ? 0 : current.readableBytes();
    }

    void discard() {
        ByteBuf current = payload;
        payload = null;
        if (current != null) {
            current.release();
        }
    }
}
