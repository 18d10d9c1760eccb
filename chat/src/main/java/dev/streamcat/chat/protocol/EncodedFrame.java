package dev.streamcat.chat.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A server frame encoded once to UTF-8 JSON, shared by every connection it is delivered to. It keeps only what a bus
 * needs to carry it across nodes: type, id and bytes.
 *
 * <p>Immutable; thread-safe. The bytes are never exposed mutably.
 */
public final class EncodedFrame {
    private final FrameType type;
    private final String id;
    private final byte[] utf8;

    private EncodedFrame(FrameType type, String id, byte[] utf8) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = Objects.requireNonNull(id, "id");
        this.utf8 = utf8;
    }

    /** Wraps bytes received from elsewhere (for example a bus); the array is copied. */
    public static EncodedFrame of(FrameType type, String id, byte[] utf8Json) {
        return new EncodedFrame(type, id, utf8Json.clone());
    }

    static EncodedFrame wrap(FrameType type, String id, byte[] utf8Json) {
        return new EncodedFrame(type, id, utf8Json);
    }

    /** The frame's {@code Type}. */
    public FrameType type() {
        return type;
    }

    /** The frame's {@code Id}. */
    public String id() {
        return id;
    }

    /** Size in bytes. */
    public int size() {
        return utf8.length;
    }

    /** A read-only view of the bytes (no copy); each call returns an independent position. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(utf8).asReadOnlyBuffer();
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return utf8.clone();
    }

    /** Writes the bytes to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(utf8);
    }

    /** The JSON text (decodes the bytes; for text WebSocket APIs that need a String). */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedFrame that
                && type == that.type
                && id.equals(that.id)
                && Arrays.equals(utf8, that.utf8);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + type + " " + id + ", " + utf8.length + " bytes]";
    }
}
