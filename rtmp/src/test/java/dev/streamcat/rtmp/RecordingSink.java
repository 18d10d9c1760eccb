package dev.streamcat.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that copies what it gets (it never keeps the borrowed buffers) for tests to inspect. */
public final class RecordingSink implements PublishSink {

    /** One media tag: kind ({@code video}/{@code audio}), timestamp, the tag body bytes, and when it came. */
    public record Tag(String kind, long timestamp, byte[] body, long receivedNanos) {}

    /** What {@link #urgentFromMs()} answers; {@link Long#MIN_VALUE} (no pacing) unless a test sets it. */
    public volatile long urgentFrom = Long.MIN_VALUE;

    public final CompletableFuture<PublishHandle> started = new CompletableFuture<>();
    public final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    public final List<Map<String, Object>> metadata = new CopyOnWriteArrayList<>();
    public final List<Tag> tags = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(PublishHandle handle) {
        started.complete(handle);
    }

    @Override
    public void onMetadata(Map<String, Object> values) {
        metadata.add(values);
    }

    @Override
    public void onVideo(long timestampMs, ByteBuf body) {
        tags.add(new Tag("video", timestampMs, ByteBufUtil.getBytes(body), System.nanoTime()));
    }

    @Override
    public void onAudio(long timestampMs, ByteBuf body) {
        tags.add(new Tag("audio", timestampMs, ByteBufUtil.getBytes(body), System.nanoTime()));
    }

    @Override
    public long urgentFromMs() {
        return urgentFrom;
    }

    @Override
    public void onClose(CloseReason reason) {
        if (!closed.complete(reason)) {
            throw new AssertionError("onClose called twice");
        }
    }

    public List<Tag> tags(String kind) {
        return tags.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
