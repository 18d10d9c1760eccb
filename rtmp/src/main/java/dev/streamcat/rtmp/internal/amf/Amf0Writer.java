package dev.streamcat.rtmp.internal.amf;

import dev.streamcat.rtmp.AmfNull;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes AMF0 values (AMF0 spec §2) for the server's replies. Accepts the types {@link Amf0Reader}
 * produces (plus any {@link Number}); a {@code Map} is written as an anonymous object (§2.5).
 *
 * <p>Stateless and thread-safe.
 */
public final class Amf0Writer {

    private Amf0Writer() {}

    public static void writeAll(ByteBuf out, List<?> values) {
        for (Object value : values) {
            write(out, value);
        }
    }

    public static void write(ByteBuf out, Object value) {
        switch (value) {
            case Number n -> out.writeByte(0x00).writeDouble(n.doubleValue());
            case Boolean b -> out.writeByte(0x01).writeByte(b ? 1 : 0);
            case String s -> writeString(out, s);
            case AmfNull n -> out.writeByte(n == AmfNull.NULL ? 0x05 : 0x06);
            case Map<?, ?> map -> writeObject(out, map);
            case List<?> list -> {
                out.writeByte(0x0A).writeInt(list.size());
                list.forEach(v -> write(out, v));
            }
            case Instant instant ->
                out.writeByte(0x0B).writeDouble(instant.toEpochMilli()).writeShort(0);
            default -> throw new IllegalArgumentException("no AMF0 form for " + value.getClass());
        }
    }

    private static void writeString(ByteBuf out, String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > 0xFFFF) {
            out.writeByte(0x0C).writeInt(length);
        } else {
            out.writeByte(0x02).writeShort(length);
        }
        out.writeCharSequence(s, StandardCharsets.UTF_8);
    }

    private static void writeObject(ByteBuf out, Map<?, ?> map) {
        out.writeByte(0x03);
        map.forEach((key, v) -> {
            writeKey(out, key.toString());
            write(out, v);
        });
        out.writeShort(0).writeByte(0x09);
    }

    private static void writeKey(ByteBuf out, String key) {
        int length = ByteBufUtil.utf8Bytes(key);
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 property name longer than 65535 bytes");
        }
        out.writeShort(length);
        out.writeCharSequence(key, StandardCharsets.UTF_8);
    }
}
