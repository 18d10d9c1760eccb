package dev.streamcat.media.id3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Id3TagTest {
    @Test
    void encodesTxxxFrameWithSynchsafeSizes() {
        byte[] tag = Id3Tag.text("k", "v");
        // header: ID3 v2.4.0, flags 0, size 14; frame TXXX size 4: enc 3, "k\0", "v"
        assertThat(tag)
                .containsExactly(
                        'I', 'D', '3', 4, 0, 0, 0, 0, 0, 14, 'T', 'X', 'X', 'X', 0, 0, 0, 4, 0, 0, 3, 'k', 0, 'v');
    }

    @Test
    void encodesPrivFrame() {
        byte[] tag = Id3Tag.privateData("o", new byte[] {9});
        assertThat(tag).endsWith('P', 'R', 'I', 'V', 0, 0, 0, 3, 0, 0, 'o', 0, 9);
    }

    @Test
    void writesSynchsafeIntegers() {
        assertThat(Id3Tag.synchsafe(255)).containsExactly(0, 0, 1, 0x7F);
    }
}
