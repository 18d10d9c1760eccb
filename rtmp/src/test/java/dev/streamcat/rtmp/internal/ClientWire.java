package dev.streamcat.rtmp.internal;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.RtmpLimits;
import dev.streamcat.rtmp.internal.chunk.ChunkDecoder;
import dev.streamcat.rtmp.internal.chunk.ChunkEncoder;
import dev.streamcat.rtmp.internal.message.MessageDecoder;
import dev.streamcat.rtmp.internal.message.MessageEncoder;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client side of the wire for tests: encodes what a publisher sends, decodes what the server says. */
public final class ClientWire {

    private ClientWire() {}

    /** Chunks {@code messages} as a client would (type 0 + type 3 headers), in one buffer. */
    public static ByteBuf encode(RtmpMessage... messages) {
        var channel = new EmbeddedChannel(new ChunkEncoder(), new MessageEncoder());
        channel.writeOutbound((Object[]) messages);
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            out.writeBytes(part);
            part.release();
        }
        channel.finishAndReleaseAll();
        return out;
    }

    /** Decodes everything the server wrote to {@code server} (its outbound buffers). */
    public static List<RtmpMessage> replies(EmbeddedChannel server) {
        var client = new EmbeddedChannel(ChunkDecoder.of(RtmpLimits.defaults()), new MessageDecoder());
        for (Object part; (part = server.readOutbound()) != null; ) {
            client.writeInbound(part);
        }
        var messages = new ArrayList<RtmpMessage>();
        for (Object message; (message = client.readInbound()) != null; ) {
            messages.add((RtmpMessage) message);
            ReferenceCountUtil.release(message);
        }
        client.finishAndReleaseAll();
        return messages;
    }

    /** The {@code code} of every {@code onStatus} / {@code _result} / {@code _error} info object. */
    public static List<String> statusCodes(List<RtmpMessage> replies) {
        var codes = new ArrayList<String>();
        for (RtmpMessage reply : replies) {
            if (reply instanceof RtmpMessage.Command command) {
                for (Object argument : command.arguments()) {
                    if (argument instanceof Map<?, ?> info && info.get("code") instanceof String code) {
                        codes.add(command.name() + ":" + code);
                    }
                }
            }
        }
        return codes;
    }

    public static RtmpMessage connect(String app) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("app", app);
        properties.put("type", "nonprivate");
        properties.put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)");
        properties.put("tcUrl", "rtmp://127.0.0.1:1935/" + app);
        return new RtmpMessage.Command(0, "connect", 1, List.of(properties));
    }

    /** What ffmpeg and OBS send after {@code connect}, up to and including {@code publish}. */
    public static RtmpMessage[] publishSequence(String streamKey) {
        return new RtmpMessage[] {
            new RtmpMessage.Command(0, "releaseStream", 2, List.of(AmfNull.NULL, streamKey)),
            new RtmpMessage.Command(0, "FCPublish", 3, List.of(AmfNull.NULL, streamKey)),
            new RtmpMessage.Command(0, "createStream", 4, List.of(AmfNull.NULL)),
            new RtmpMessage.Command(0, "_checkbw", 5, List.of(AmfNull.NULL)),
            new RtmpMessage.Command(1, "publish", 0, List.of(AmfNull.NULL, streamKey, "live"))
        };
    }

    public static RtmpMessage video(long timestamp, int... bytes) {
        return new RtmpMessage.Video(timestamp, 1, bytes(bytes));
    }

    public static RtmpMessage audio(long timestamp, int... bytes) {
        return new RtmpMessage.Audio(timestamp, 1, bytes(bytes));
    }

    public static ByteBuf bytes(int... values) {
        ByteBuf buf = Unpooled.buffer(values.length);
        for (int value : values) {
            buf.writeByte(value);
        }
        return buf;
    }
}
