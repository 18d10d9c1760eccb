package dev.streamcat.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.media.MediaFixtures;
import dev.streamcat.media.codec.AacConfig;
import dev.streamcat.media.codec.AvcDecoderConfig;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmafWriterTest {
    private static final AvcDecoderConfig AVC = AvcDecoderConfig.parse(HexFormat.of()
            .parseHex(
                    "0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000668ebe3cb22c0fdf8f800"));
    private static final AacConfig AAC = AacConfig.parse(new byte[] {0x11, (byte) 0x90});

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesInitSegmentBoxTree() {
        byte[] init = CmafWriter.initSegment(List.of(new CmafTrack.Video(1, AVC), new CmafTrack.Audio(2, AAC)));
        assertThat(text(init)).startsWith("\0\0\0\u001Cftypiso6\0\0\0\0iso6cmfcmp41");
        assertThat(text(init))
                .containsSubsequence(
                        "moov", "mvhd", "trak", "tkhd", "mdia", "mdhd", "hdlr", "vide", "minf", "vmhd", "dinf", "dref",
                        "url ", "stbl", "stsd", "avc1", "avcC", "stts", "stsc", "stsz", "stco", "trak", "soun", "smhd",
                        "mp4a", "esds", "mvex", "trex", "trex");
        assertThat(MediaFixtures.findBoxPayload(init, "avcC")).isEqualTo(AVC.record());
        byte[] mdhd = MediaFixtures.findBoxPayload(init, "mdhd");
        assertThat(MediaFixtures.be32(mdhd, 12)).isEqualTo(90_000);
        byte[] tkhd = MediaFixtures.findBoxPayload(init, "tkhd");
        assertThat(MediaFixtures.be32(tkhd, 76)).isEqualTo(640 << 16);
        assertThat(MediaFixtures.be32(tkhd, 80)).isEqualTo(360 << 16);
    }

    @Test
    void writesFragmentWithSignedCompositionOffsetsAndSampleFlags() {
        byte[] fragment = CmafWriter.fragment(
                7,
                List.of(new TrackFragment(
                        1,
                        9000,
                        List.of(
                                new Sample(3000, 6000, true, new byte[] {1, 2}),
                                new Sample(3000, -3000, false, new byte[] {3})))),
                List.of());
        assertThat(text(fragment)).containsSubsequence("moof", "mfhd", "traf", "tfhd", "tfdt", "trun", "mdat");
        assertThat(MediaFixtures.be32(MediaFixtures.findBoxPayload(fragment, "mfhd"), 4))
                .isEqualTo(7);
        byte[] tfhd = MediaFixtures.findBoxPayload(fragment, "tfhd");
        assertThat(MediaFixtures.be32(tfhd, 0)).isEqualTo(0x00020000); // default-base-is-moof
        byte[] tfdt = MediaFixtures.findBoxPayload(fragment, "tfdt");
        assertThat(tfdt[0]).isEqualTo((byte) 1);
        assertThat(MediaFixtures.be32(tfdt, 8)).isEqualTo(9000);
        byte[] trun = MediaFixtures.findBoxPayload(fragment, "trun");
        assertThat(MediaFixtures.be32(trun, 0)).isEqualTo(0x01000F01); // v1, offset|duration|size|flags|cto
        assertThat(MediaFixtures.be32(trun, 4)).isEqualTo(2);
        int dataOffset = MediaFixtures.be32(trun, 8);
        assertThat(fragment[dataOffset]).isEqualTo((byte) 1); // moof starts at 0, so offset points into mdat
        assertThat(MediaFixtures.be32(trun, 12)).isEqualTo(3000);
        assertThat(MediaFixtures.be32(trun, 16)).isEqualTo(2);
        assertThat(MediaFixtures.be32(trun, 20)).isEqualTo(CmafWriter.FLAGS_SYNC);
        assertThat(MediaFixtures.be32(trun, 24)).isEqualTo(6000);
        assertThat(MediaFixtures.be32(trun, 36)).isEqualTo(CmafWriter.FLAGS_NON_SYNC);
        assertThat(MediaFixtures.be32(trun, 40)).isEqualTo(-3000);
    }

    @Test
    void writesEmsgVersionOneWithId3Scheme() {
        byte[] box =
                EventMessage.id3(90_000, 180_000, 5, new byte[] {'I', 'D', '3'}).toBox();
        assertThat(text(box)).startsWith("\0\0\0\u0041emsg\u0001\0\0\0");
        assertThat(MediaFixtures.be32(box, 12)).isEqualTo(90_000);
        assertThat(MediaFixtures.be32(box, 20)).isEqualTo(180_000);
        assertThat(text(box)).endsWith("https://aomedia.org/emsg/ID3\0\0ID3");
    }

    @Test
    void sizesFragmentsExactlyBeforeWritingThem() {
        List<Sample> video =
                List.of(new Sample(3000, 6000, true, new byte[1000]), new Sample(3000, 0, false, new byte[7]));
        List<Sample> audio = List.of(new Sample(1024, 0, true, new byte[300]), new Sample(1024, 0, true, new byte[0]));
        byte[] emsg = EventMessage.id3(90_000, 0, 1, new byte[] {'I', 'D', '3'}).toBox();
        for (List<TrackFragment> tracks : List.of(
                List.of(new TrackFragment(1, 0, video)),
                List.of(new TrackFragment(2, 0, audio)),
                List.of(new TrackFragment(1, 0, video), new TrackFragment(2, 0, audio)))) {
            for (List<byte[]> messages : List.of(List.<byte[]>of(), List.of(emsg, emsg))) {
                assertThat(CmafWriter.fragment(1, tracks, messages)).hasSize(CmafWriter.fragmentSize(tracks, messages));
            }
        }
    }
}
