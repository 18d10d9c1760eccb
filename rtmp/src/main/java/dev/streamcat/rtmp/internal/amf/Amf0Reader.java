package dev.streamcat.rtmp.internal.amf;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.RtmpException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AMF0 values (AMF0 spec §2). Mapping: number → {@code Double}, boolean → {@code Boolean}, string,
 * long string and XML document → {@code String}, object, typed object and ECMA array → unmodifiable
 * {@code Map<String, Object>} in wire order, strict array → unmodifiable {@code List<Object>}, date →
 * {@link Instant} (the time-zone field is ignored, as the spec says), null and undefined → {@link
 * AmfNull}, avmplus-object (§3.1) → the AMF3 value that follows.
 *
 * <p>Not thread-safe: one reader per message (it holds the reference table of §2.9).
 */
public final class Amf0Reader {

    static final int MAX_DEPTH = 32;

    private final ByteBuf in;
    private final List<Object> references = new ArrayList<>();
    private int depth;

    private Amf0Reader(ByteBuf in) {
        this.in = in;
    }

    /** Reads every value until the buffer is exhausted. */
    public static List<Object> readAll(ByteBuf in) {
        var reader = new Amf0Reader(in);
        var values = new ArrayList<Object>();
        while (in.isReadable()) {
            values.add(reader.read());
        }
        return values;
    }

    Object read() {
        int marker = readU8();
        return switch (marker) {
            case 0x00 -> readDouble();
            case 0x01 -> readU8() != 0;
            case 0x02 -> readString(readU16());
            case 0x03 -> nested(() -> readProperties(new LinkedHashMap<>()));
            case 0x05 -> AmfNull.NULL;
            case 0x06 -> AmfNull.UNDEFINED;
            case 0x07 -> readReference();
            case 0x08 -> {
                readU32(); // associative count: a hint only, the object-end marker ends the array (§2.10)
                yield nested(() -> readProperties(new LinkedHashMap<>()));
            }
            case 0x0A -> nested(this::readStrictArray);
            case 0x0B -> readDate();
            case 0x0C, 0x0F -> readString(readLength());
            case 0x10 -> {
                readString(readU16()); // class name (§2.18): not needed by RTMP ingest
                yield nested(() -> readProperties(new LinkedHashMap<>()));
            }
            case 0x11 -> Amf3Reader.readValue(in);
            default -> throw RtmpException.protocol("unsupported AMF0 marker 0x" + Integer.toHexString(marker));
        };
    }

    private Object nested(java.util.function.Supplier<Object> body) {
        if (++depth > MAX_DEPTH) {
            throw RtmpException.protocol("AMF0 nesting deeper than " + MAX_DEPTH);
        }
        try {
            return body.get();
        } finally {
            depth--;
        }
    }

    /** Object properties up to the object-end marker: UTF-8-empty + 0x09 (§2.5, §2.11). */
    private Map<String, Object> readProperties(Map<String, Object> map) {
        int slot = references.size();
        references.add(map);
        while (true) {
            String key = readString(readU16());
            if (key.isEmpty() && in.isReadable() && in.getUnsignedByte(in.readerIndex()) == 0x09) {
                in.skipBytes(1);
                Map<String, Object> done = Collections.unmodifiableMap(map);
                references.set(slot, done);
                return done;
            }
            map.put(key, read());
        }
    }

    private List<Object> readStrictArray() {
        long count = readU32();
        if (count > in.readableBytes()) { // every value takes at least one byte
            throw RtmpException.protocol("AMF0 strict array count " + count + " exceeds the message");
        }
        var list = new ArrayList<Object>((int) count);
        references.add(list);
        for (int i = 0; i < count; i++) {
            list.add(read());
        }
        return Collections.unmodifiableList(list);
    }

    private Object readReference() {
        int index = readU16();
        if (index >= references.size()) {
            throw RtmpException.protocol("AMF0 reference " + index + " out of range");
        }
        return references.get(index);
    }

    private Instant readDate() {
        double millis = readDouble();
        need(2);
        in.skipBytes(2); // time zone: reserved, "should be set to 0x0000" (§2.13)
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            throw RtmpException.protocol("AMF0 date is not finite");
        }
        return Instant.ofEpochMilli((long) millis);
    }

    private double readDouble() {
        need(8);
        return in.readDouble();
    }

    private int readU8() {
        need(1);
        return in.readUnsignedByte();
    }

    private int readU16() {
        need(2);
        return in.readUnsignedShort();
    }

    private long readU32() {
        need(4);
        return in.readUnsignedInt();
    }

    private int readLength() {
        long length = readU32();
        if (length > in.readableBytes()) {
            throw RtmpException.protocol("AMF0 long string of " + length + " bytes exceeds the message");
        }
        return (int) length;
    }

    private String readString(int length) {
        need(length);
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    private void need(int bytes) {
        if (in.readableBytes() < bytes) {
            throw RtmpException.protocol("truncated AMF0 value");
        }
    }
}
