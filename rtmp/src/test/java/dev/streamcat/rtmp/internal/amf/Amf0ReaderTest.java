package dev.streamcat.rtmp.internal.amf;

import static dev.streamcat.rtmp.internal.ClientWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.RtmpException;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class Amf0ReaderTest {

    private static List<Object> read(ByteBuf in) {
        try {
            return Amf0Reader.readAll(in);
        } finally {
            in.release();
        }
    }

    @Test
    void readsScalarTypes() {
        ByteBuf in = Unpooled.buffer()
                .writeByte(0x00)
                .writeDouble(3.5)
                .writeByte(0x01)
                .writeByte(1)
                .writeByte(0x02)
                .writeShort(2)
                .writeBytes("hi".getBytes(StandardCharsets.UTF_8))
                .writeByte(0x05)
                .writeByte(0x06)
                .writeByte(0x0B)
                .writeDouble(1_700_000_000_000.0)
                .writeShort(0);

        assertThat(read(in))
                .containsExactly(
                        3.5, true, "hi", AmfNull.NULL, AmfNull.UNDEFINED, Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void readsLongStringAndXmlDocument() {
        String text = "x".repeat(70_000);
        ByteBuf in = Unpooled.buffer().writeByte(0x0C).writeInt(text.length());
        in.writeCharSequence(text, StandardCharsets.UTF_8);
        in.writeByte(0x0F).writeInt(3).writeBytes("<a>".getBytes(StandardCharsets.UTF_8));

        assertThat(read(in)).containsExactly(text, "<a>");
    }

    @Test
    void readsObjectEcmaArrayAndStrictArrayUntilObjectEnd() {
        ByteBuf in = Unpooled.buffer();
        in.writeByte(0x08).writeInt(2); // ECMA array as ffmpeg writes onMetaData
        key(in, "width").writeByte(0x00).writeDouble(640);
        key(in, "encoder").writeByte(0x02).writeShort(3).writeBytes("Lavf".getBytes(), 0, 3);
        in.writeShort(0).writeByte(0x09);
        in.writeByte(0x03);
        key(in, "list").writeByte(0x0A).writeInt(2).writeByte(0x01).writeByte(0).writeByte(0x05);
        in.writeShort(0).writeByte(0x09);

        List<Object> values = read(in);

        assertThat(values.get(0)).isEqualTo(Map.of("width", 640.0, "encoder", "Lav"));
        assertThat(values.get(1)).isEqualTo(Map.of("list", List.of(false, AmfNull.NULL)));
    }

    @Test
    void readsTypedObjectAndReference() {
        ByteBuf in = Unpooled.buffer().writeByte(0x10).writeShort(1).writeByte('C');
        key(in, "a").writeByte(0x00).writeDouble(1);
        in.writeShort(0).writeByte(0x09);
        in.writeByte(0x07).writeShort(0);

        List<Object> values = read(in);

        assertThat(values).containsExactly(Map.of("a", 1.0), Map.of("a", 1.0));
    }

    @Test
    void switchesToAmf3AfterAvmplusMarker() {
        assertThat(read(bytes(0x11, 0x04, 0x7F))).containsExactly(127);
    }

    @Test
    void roundTripsWhatTheWriterWrites() {
        var info = new LinkedHashMap<String, Object>();
        info.put("level", "status");
        info.put("code", "NetStream.Publish.Start");
        info.put("when", Instant.ofEpochMilli(5));
        info.put("nested", List.of(1.0, "two"));
        List<Object> values = List.of("onStatus", 0.0, AmfNull.NULL, info, true, "y".repeat(70_000));
        ByteBuf out = Unpooled.buffer();
        Amf0Writer.writeAll(out, values);

        assertThat(read(out)).isEqualTo(values);
    }

    @Test
    void refusesTruncatedAndHostileValues() {
        assertThatThrownBy(() -> read(bytes(0x00, 1, 2))).isInstanceOf(RtmpException.class);
        assertThatThrownBy(() -> read(bytes(0x0A, 0x7F, 0xFF, 0xFF, 0xFF)))
                .isInstanceOf(RtmpException.class)
                .hasMessageContaining("strict array count");
        assertThatThrownBy(() -> read(bytes(0x0C, 0x7F, 0xFF, 0xFF, 0xFF))).isInstanceOf(RtmpException.class);
        assertThatThrownBy(() -> read(bytes(0x07, 0, 3))).hasMessageContaining("reference");
        assertThatThrownBy(() -> read(bytes(0x0D))).hasMessageContaining("unsupported AMF0 marker");
        ByteBuf deep = Unpooled.buffer();
        for (int i = 0; i < 100; i++) {
            deep.writeByte(0x03).writeShort(1).writeByte('k');
        }
        assertThatThrownBy(() -> read(deep)).hasMessageContaining("nesting");
    }

    private static ByteBuf key(ByteBuf in, String key) {
        return in.writeShort(key.length()).writeBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
