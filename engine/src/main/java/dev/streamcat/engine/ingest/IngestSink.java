package dev.streamcat.engine.ingest;

import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.engine.stream.StreamEnd;
import dev.streamcat.engine.stream.StreamRegistry;
import dev.streamcat.media.flv.FlvStreamDecoder;
import dev.streamcat.rtmp.CloseReason;
import dev.streamcat.rtmp.PublishHandle;
import dev.streamcat.rtmp.PublishSink;
import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * Feeds one accepted publish into its {@link LiveStream}: FLV tag bodies → {@link FlvStreamDecoder}
 * → hub → packager. The borrowed buffers are parsed in place and only the frame payloads are copied
 * into arrays (the media model owns its bytes), once.
 *
 * <p>Threading: confined to the publisher's Netty event loop, as every {@link PublishSink} call is.
 */
final class IngestSink implements PublishSink {
    private final LiveStream stream;
    private final StreamRegistry registry;
    private final FlvStreamDecoder decoder;
    private boolean started;

    IngestSink(LiveStream stream, StreamRegistry registry) {
        this.stream = stream;
        this.registry = registry;
        this.decoder = new FlvStreamDecoder(stream.ingest());
    }

    @Override
    public void onStart(PublishHandle handle) {
        started = true;
        stream.ingest().onStart();
        stream.attach(handle::close);
    }

    @Override
    public void onMetadata(Map<String, Object> metadata) {
        decoder.onMetadata(metadata);
    }

    @Override
    public void onVideo(long timestampMs, ByteBuf flvVideoTagBody) {
        decoder.onVideo((int) timestampMs, flvVideoTagBody.nioBuffer());
    }

    @Override
    public void onAudio(long timestampMs, ByteBuf flvAudioTagBody) {
        decoder.onAudio((int) timestampMs, flvAudioTagBody.nioBuffer());
    }

    @Override
    public long urgentFromMs() {
        return stream.ingest().urgentFromMs();
    }

    @Override
    public void onClose(CloseReason reason) {
        if (started) {
            stream.ingest().onEnd(); // the packager flushes and publishes EXT-X-ENDLIST
        }
        registry.close(stream, end(reason));
    }

    static StreamEnd end(CloseReason reason) {
        return switch (reason) {
            case CloseReason.Unpublished u -> new StreamEnd.Normal();
            case CloseReason.Disconnected d -> new StreamEnd.Normal();
            case CloseReason.Stopped s -> new StreamEnd.Normal();
            case CloseReason.TimedOut t -> new StreamEnd.Failure("IngestTimeout", "No data from the broadcaster");
            case CloseReason.ProtocolViolation p -> new StreamEnd.Failure("ProtocolViolation", p.detail());
            case CloseReason.UnsupportedCodec c ->
                new StreamEnd.Failure("UnsupportedCodec", "Unsupported codec: " + c.codec());
            case CloseReason.SinkFailed f -> new StreamEnd.Failure("InvalidMedia", f.detail());
        };
    }
}
