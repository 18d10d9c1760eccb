package dev.streamcat.chat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * String-to-string attribute maps as IVS Chat carries them (token attributes, message attributes, event attributes).
 * Copies keep the insertion order so encoded frames are deterministic.
 *
 * <p>Stateless; thread-safe.
 */
public final class ChatAttributes {
    private ChatAttributes() {}

    /** An unmodifiable, insertion-ordered copy of {@code attributes}; rejects null keys and values. */
    public static Map<String, String> copyOf(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, String>(attributes.size() * 2);
        attributes.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new NullPointerException("attribute keys and values must not be null");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The total UTF-8 size of all keys and values, the measure of the IVS "1 KB total" attribute limits. */
    public static int utf8Size(Map<String, String> attributes) {
        int size = 0;
        for (var entry : attributes.entrySet()) {
            size += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
        }
        return size;
    }

    /** The number of bytes {@code text} takes in UTF-8, without encoding it. */
    public static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The length of {@code text} in Unicode code points ("runes"), the unit of IVS message length limits. */
    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
