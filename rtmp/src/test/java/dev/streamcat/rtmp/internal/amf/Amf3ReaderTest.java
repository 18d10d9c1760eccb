package dev.streamcat.rtmp.internal.amf;

import static dev.streamcat.rtmp.internal.ClientWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.RtmpException;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class Amf3ReaderTest {

    private static Object read(ByteBuf in) {
        try {
            return Amf3Reader.readValue(in);
        } finally {
            in.release();
        }
    }

    @Test
    void readsScalars() {
        assertThat(read(bytes(0x00))).isEqualTo(AmfNull.UNDEFINED);
        assertThat(read(bytes(0x01))).isEqualTo(AmfNull.NULL);
        assertThat(read(bytes(0x02))).isEqualTo(false);
        assertThat(read(bytes(0x03))).isEqualTo(true);
        assertThat(read(Unpooled.buffer().writeByte(0x05).writeDouble(2.25))).isEqualTo(2.25);
        assertThat(read(Unpooled.buffer().writeByte(0x08).writeByte(0x01).writeDouble(1000)))
                .isEqualTo(Instant.ofEpochMilli(1000));
    }

    @Test
    void readsVariableLengthIntegersIncludingNegative() {
        assertThat(read(bytes(0x04, 0x7F))).isEqualTo(127);
        assertThat(read(bytes(0x04, 0x81, 0x00))).isEqualTo(128);
        assertThat(read(bytes(0x04, 0xBF, 0xFF, 0xFF, 0xFF))).isEqualTo(0x0FFFFFFF);
        assertThat(read(bytes(0x04, 0xFF, 0xFF, 0xFF, 0xFF))).isEqualTo(-1);
    }

    @Test
    void readsStringsAndStringReferences() {
        // dynamic anonymous object {a: "xy", b: <ref 1 = "xy">}
        ByteBuf in = bytes(0x0A, 0x0B, 0x01, 0x03, 'a', 0x06, 0x05, 'x', 'y', 0x03, 'b', 0x06, 0x02, 0x01);
        assertThat(read(in)).isEqualTo(Map.of("a", "xy", "b", "xy"));
    }

    @Test
    void readsDenseAndAssociativeArrays() {
        assertThat(read(bytes(0x09, 0x05, 0x01, 0x04, 0x01, 0x06, 0x03, 'z'))).isEqualTo(List.of(1, "z"));
        assertThat(read(bytes(0x09, 0x03, 0x03, 'k', 0x03, 0x01, 0x02))).isEqualTo(Map.of("k", true, "0", false));
    }

    @Test
    void readsSealedTraitsAndTraitReferences() {
        // array of two objects of class "P" with sealed member "x"; the second reuses the traits by reference
        ByteBuf in = bytes(0x09, 0x05, 0x01, 0x0A, 0x13, 0x03, 'P', 0x03, 'x', 0x04, 0x01, 0x0A, 0x01, 0x04, 0x02);
        assertThat(read(in)).isEqualTo(List.of(Map.of("x", 1), Map.of("x", 2)));
    }

    @Test
    void readsByteArray() {
        assertThat((byte[]) read(bytes(0x0C, 0x05, 9, 8))).containsExactly(9, 8);
    }

    @Test
    void refusesExternalizableBadReferencesAndTruncation() {
        assertThatThrownBy(() -> read(bytes(0x0A, 0x07, 0x01))).isInstanceOf(RtmpException.class);
        assertThatThrownBy(() -> read(bytes(0x06, 0x04))).hasMessageContaining("reference");
        assertThatThrownBy(() -> read(bytes(0x06, 0x21, 'a'))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(bytes(0x0D))).hasMessageContaining("unsupported AMF3 marker");
    }
}
