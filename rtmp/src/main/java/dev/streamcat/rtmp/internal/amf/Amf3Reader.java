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
 * Reads one AMF3 value (AMF3 spec §3), as found after an AMF0 avmplus-object marker (AMF0 §3.1) in
 * RTMP AMF3 command and data messages. Mapping: undefined/null → {@link AmfNull}, false/true → {@code
 * Boolean}, integer → {@code Integer}, double → {@code Double}, string and XML → {@code String}, date →
 * {@link Instant}, array → {@code List<Object>} when it has no associative part, otherwise a {@code
 * Map<String, Object>} with the dense values under their indices, object → {@code Map<String, Object>},
 * ByteArray → {@code byte[]}. Vectors, dictionaries and externalizable objects are refused: no RTMP
 * encoder sends them in publish traffic.
 *
 * <p>Not thread-safe: one reader per value (it holds the string, object and trait tables of §2.2).
 */
final class Amf3Reader {

    private record Traits(List<String> sealedNames, boolean dynamic) {}

    private final ByteBuf in;
    private final List<String> strings = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();
    private final List<Traits> traits = new ArrayList<>();
    private int depth;

    private Amf3Reader(ByteBuf in) {
        this.in = in;
    }

    static Object readValue(ByteBuf in) {
        return new Amf3Reader(in).read();
    }

    private Object read() {
        int marker = readU8();
        return switch (marker) {
            case 0x00 -> AmfNull.UNDEFINED;
            case 0x01 -> AmfNull.NULL;
            case 0x02 -> Boolean.FALSE;
            case 0x03 -> Boolean.TRUE;
            case 0x04 -> (readU29() << 3) >> 3; // sign-extend the 29-bit integer (§3.6)
            case 0x05 -> readDouble();
            case 0x06 -> readString();
            case 0x07, 0x0B -> readXml();
            case 0x08 -> readDate();
            case 0x09 -> nested(this::readArray);
            case 0x0A -> nested(this::readObject);
            case 0x0C -> readByteArray();
            default -> throw RtmpException.protocol("unsupported AMF3 marker 0x" + Integer.toHexString(marker));
        };
    }

    private Object nested(java.util.function.Supplier<Object> body) {
        if (++depth > Amf0Reader.MAX_DEPTH) {
            throw RtmpException.protocol("AMF3 nesting deeper than " + Amf0Reader.MAX_DEPTH);
        }
        try {
            return body.get();
        } finally {
            depth--;
        }
    }

    /** U29 variable-length unsigned integer (§1.3.1). */
    private int readU29() {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = readU8();
            if ((b & 0x80) == 0) {
                return (value << 7) | b;
            }
            value = (value << 7) | (b & 0x7F);
        }
        return (value << 8) | readU8();
    }

    private String readString() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(strings, header >> 1, "string");
        }
        int length = header >> 1;
        String value = readUtf8(length);
        if (!value.isEmpty()) { // the empty string is never sent by reference (§3.8)
            strings.add(value);
        }
        return value;
    }

    private String readXml() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(objects, header >> 1, "xml").toString();
        }
        String value = readUtf8(header >> 1);
        objects.add(value);
        return value;
    }

    private Object readDate() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(objects, header >> 1, "date");
        }
        double millis = readDouble();
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            throw RtmpException.protocol("AMF3 date is not finite");
        }
        Instant value = Instant.ofEpochMilli((long) millis);
        objects.add(value);
        return value;
    }

    private Object readArray() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(objects, header >> 1, "array");
        }
        int denseCount = header >> 1;
        var associative = new LinkedHashMap<String, Object>();
        int slot = objects.size();
        objects.add(associative);
        for (String key = readString(); !key.isEmpty(); key = readString()) {
            associative.put(key, read());
        }
        if (denseCount > in.readableBytes()) {
            throw RtmpException.protocol("AMF3 array count " + denseCount + " exceeds the message");
        }
        var dense = new ArrayList<Object>(denseCount);
        for (int i = 0; i < denseCount; i++) {
            dense.add(read());
        }
        Object value;
        if (associative.isEmpty()) {
            value = Collections.unmodifiableList(dense);
        } else {
            for (int i = 0; i < dense.size(); i++) {
                associative.put(Integer.toString(i), dense.get(i));
            }
            value = Collections.unmodifiableMap(associative);
        }
        objects.set(slot, value);
        return value;
    }

    private Object readObject() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(objects, header >> 1, "object");
        }
        Traits objectTraits = readTraits(header);
        var map = new LinkedHashMap<String, Object>();
        int slot = objects.size();
        objects.add(map);
        for (String name : objectTraits.sealedNames()) {
            map.put(name, read());
        }
        if (objectTraits.dynamic()) {
            for (String key = readString(); !key.isEmpty(); key = readString()) {
                map.put(key, read());
            }
        }
        Map<String, Object> value = Collections.unmodifiableMap(map);
        objects.set(slot, value);
        return value;
    }

    /** U29O-traits, U29O-traits-ref and U29O-traits-ext (§3.12). */
    private Traits readTraits(int header) {
        if ((header & 2) == 0) {
            return lookup(traits, header >> 2, "traits");
        }
        if ((header & 4) != 0) {
            throw RtmpException.protocol("AMF3 externalizable objects are not supported");
        }
        boolean dynamic = (header & 8) != 0;
        int sealedCount = header >>> 4;
        readString(); // class name
        if (sealedCount > in.readableBytes()) {
            throw RtmpException.protocol("AMF3 trait count " + sealedCount + " exceeds the message");
        }
        var names = new ArrayList<String>(sealedCount);
        for (int i = 0; i < sealedCount; i++) {
            names.add(readString());
        }
        Traits value = new Traits(List.copyOf(names), dynamic);
        traits.add(value);
        return value;
    }

    private Object readByteArray() {
        int header = readU29();
        if ((header & 1) == 0) {
            return lookup(objects, header >> 1, "byte array");
        }
        int length = header >> 1;
        need(length);
        byte[] value = new byte[length];
        in.readBytes(value);
        objects.add(value);
        return value;
    }

    private static <T> T lookup(List<T> table, int index, String what) {
        if (index >= table.size()) {
            throw RtmpException.protocol("AMF3 " + what + " reference " + index + " out of range");
        }
        return table.get(index);
    }

    private String readUtf8(int length) {
        need(length);
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    private double readDouble() {
        need(8);
        return in.readDouble();
    }

    private int readU8() {
        need(1);
        return in.readUnsignedByte();
    }

    private void need(int bytes) {
        if (in.readableBytes() < bytes) {
            throw RtmpException.protocol("truncated AMF3 value");
        }
    }
}
