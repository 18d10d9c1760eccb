package dev.streamcat.media.mp4;

import dev.streamcat.media.codec.AudioConfig;
import dev.streamcat.media.codec.Resolution;
import dev.streamcat.media.codec.VideoConfig;
import java.util.List;

/**
 * Writes CMAF headers and fragments (ISO/IEC 14496-12 boxes, ISO/IEC 23000-19 §7 constraints).
 *
 * <p>The init segment holds one {@code trak} per track with empty sample tables and an {@code
 * mvex}/{@code trex}; every fragment is {@code moof}(mfhd, traf per track) + one {@code mdat}
 * holding the tracks' samples back to back. Each {@code traf} uses {@code default-base-is-moof}
 * and a version 1 {@code trun} (signed composition offsets, §8.8.8).
 *
 * <p>Stateless and thread-safe.
 */
public final class CmafWriter {
    /** sample_flags (§8.8.3.1): sample_depends_on = 2 (independent), sync. */
    static final int FLAGS_SYNC = 0x02000000;
    /** sample_flags: sample_depends_on = 1, sample_is_non_sync_sample = 1. */
    static final int FLAGS_NON_SYNC = 0x01010000;

    private static final int TRUN_DATA_OFFSET = 0x000001;
    private static final int TRUN_DURATION = 0x000100;
    private static final int TRUN_SIZE = 0x000200;
    private static final int TRUN_FLAGS = 0x000400;
    private static final int TRUN_CTO = 0x000800;
    private static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;

    private CmafWriter() {}

    /** The init segment ({@code ftyp} + {@code moov}) for the given tracks (one or two). */
    public static byte[] initSegment(List<CmafTrack> tracks) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("at least one track");
        }
        BoxWriter w = new BoxWriter(1024);
        w.open("ftyp")
                .fourCc("iso6")
                .u32(0)
                .fourCc("iso6")
                .fourCc("cmfc")
                .fourCc("mp41")
                .close();
        w.open("moov");
        int nextTrackId = 1;
        for (CmafTrack t : tracks) {
            nextTrackId = Math.max(nextTrackId, t.trackId() + 1);
        }
        w.openFull("mvhd", 0, 0).u32(0).u32(0).u32(1000).u32(0);
        w.u32(0x00010000)
                .u16(0x0100)
                .zeros(2 + 8)
                .unityMatrix()
                .zeros(24)
                .u32(nextTrackId)
                .close();
        for (CmafTrack t : tracks) {
            trak(w, t);
        }
        w.open("mvex");
        for (CmafTrack t : tracks) {
            w.openFull("trex", 0, 0)
                    .u32(t.trackId())
                    .u32(1)
                    .u32(0)
                    .u32(0)
                    .u32(0)
                    .close();
        }
        w.close().close();
        return w.toByteArray();
    }

    private static void trak(BoxWriter w, CmafTrack track) {
        boolean video = track instanceof CmafTrack.Video;
        Resolution size =
                switch (track) {
                    case CmafTrack.Video v -> v.config().resolution().orElse(new Resolution(16, 16));
                    case CmafTrack.Audio a -> new Resolution(1, 1);
                };
        w.open("trak");
        w.openFull("tkhd", 0, 0x000003)
                .u32(0)
                .u32(0)
                .u32(track.trackId())
                .u32(0)
                .u32(0)
                .zeros(8);
        w.u16(0).u16(0).u16(video ? 0 : 0x0100).u16(0).unityMatrix();
        w.u32(video ? (long) size.width() << 16 : 0)
                .u32(video ? (long) size.height() << 16 : 0)
                .close();
        w.open("mdia");
        w.openFull("mdhd", 0, 0)
                .u32(0)
                .u32(0)
                .u32(track.timescale())
                .u32(0)
                .u16(0x55C4)
                .u16(0)
                .close();
        w.openFull("hdlr", 0, 0).u32(0).fourCc(video ? "vide" : "soun").zeros(12);
        w.cString(video ? "StreamCat Video" : "StreamCat Audio").close();
        w.open("minf");
        if (video) {
            w.openFull("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0).close();
        } else {
            w.openFull("smhd", 0, 0).u16(0).u16(0).close();
        }
        w.open("dinf")
                .openFull("dref", 0, 0)
                .u32(1)
                .openFull("url ", 0, 1)
                .close()
                .close()
                .close();
        w.open("stbl");
        w.openFull("stsd", 0, 0).u32(1);
        switch (track) {
            case CmafTrack.Video v -> visualSampleEntry(w, v.config(), size);
            case CmafTrack.Audio a -> audioSampleEntry(w, a.config(), a.trackId());
        }
        w.close();
        w.openFull("stts", 0, 0).u32(0).close();
        w.openFull("stsc", 0, 0).u32(0).close();
        w.openFull("stsz", 0, 0).u32(0).u32(0).close();
        w.openFull("stco", 0, 0).u32(0).close();
        w.close().close().close().close(); // stbl, minf, mdia, trak
    }

    /** VisualSampleEntry (§12.1.3) with the codec configuration box. */
    private static void visualSampleEntry(BoxWriter w, VideoConfig config, Resolution size) {
        w.open(config.codec().fourCc()).zeros(6).u16(1).u16(0).u16(0).zeros(12);
        w.u16(size.width())
                .u16(size.height())
                .u32(0x00480000)
                .u32(0x00480000)
                .u32(0)
                .u16(1);
        w.zeros(32).u16(0x0018).u16(0xFFFF);
        String configBox =
                switch (config.codec()) {
                    case AVC -> "avcC";
                    case HEVC -> "hvcC";
                    case AV1 -> "av1C";
                };
        w.open(configBox).bytes(config.record()).close();
        w.close();
    }

    /** AudioSampleEntry (§12.2.3) with an ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5) in esds. */
    private static void audioSampleEntry(BoxWriter w, AudioConfig config, int trackId) {
        int rate = config.sampleRate() > 0xFFFF ? 0 : config.sampleRate();
        w.open(config.codec().fourCc()).zeros(6).u16(1).zeros(8);
        w.u16(config.channelCount()).u16(16).u16(0).u16(0).u32((long) rate << 16);
        byte[] asc = config.record();
        w.openFull("esds", 0, 0);
        descriptor(w, 0x03, 3 + descriptorSize(13 + descriptorSize(asc.length)) + descriptorSize(1));
        w.u16(trackId).u8(0);
        descriptor(w, 0x04, 13 + descriptorSize(asc.length));
        w.u8(0x40).u8(0x15).u24(0).u32(0).u32(0); // MPEG-4 Audio, AudioStream, upstream=0, reserved=1
        descriptor(w, 0x05, asc.length);
        w.bytes(asc);
        descriptor(w, 0x06, 1);
        w.u8(0x02); // SLConfigDescriptor predefined = MP4
        w.close().close();
    }

    private static int descriptorSize(int payload) {
        return 1 + sizeFieldLength(payload) + payload;
    }

    private static int sizeFieldLength(int payload) {
        return payload < 0x80 ? 1 : payload < 0x4000 ? 2 : payload < 0x200000 ? 3 : 4;
    }

    private static void descriptor(BoxWriter w, int tag, int payload) {
        w.u8(tag);
        int n = sizeFieldLength(payload);
        for (int i = n - 1; i >= 0; i--) {
            w.u8(((payload >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }

    /**
     * A media fragment: the event messages (already encoded {@code emsg} boxes, which must precede
     * the {@code moof}, ISO/IEC 23000-19 §7.4.5), then {@code moof} + {@code mdat}.
     *
     * @param sequenceNumber {@code mfhd} sequence number, starting at 1 and increasing
     */
    public static byte[] fragment(long sequenceNumber, List<TrackFragment> tracks, List<byte[]> eventMessages) {
        BoxWriter w = new BoxWriter(fragmentSize(tracks, eventMessages)); // exact: no copy at the end
        for (byte[] emsg : eventMessages) {
            w.bytes(emsg);
        }
        int moofStart = w.position();
        w.open("moof").openFull("mfhd", 0, 0).u32(sequenceNumber).close();
        int[] offsetFields = new int[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            offsetFields[i] = traf(w, tracks.get(i));
        }
        w.close();
        int mdatStart = w.position();
        long dataOffset = mdatStart - moofStart + 8L;
        for (int i = 0; i < tracks.size(); i++) {
            w.patch32(offsetFields[i], dataOffset);
            for (Sample s : tracks.get(i).samples()) {
                dataOffset += s.data().length;
            }
        }
        w.open("mdat");
        for (TrackFragment t : tracks) {
            for (Sample s : t.samples()) {
                w.bytes(s.data());
            }
        }
        w.close();
        return w.toByteArray();
    }

    /**
     * The byte size of {@link #fragment}'s output: emsg boxes, moof (mfhd 16, per traf: traf header 8,
     * tfhd 16, tfdt v1 20, trun header 20 + 12 or 16 per sample) and mdat (8 + payload).
     */
    static int fragmentSize(List<TrackFragment> tracks, List<byte[]> eventMessages) {
        long size = 8 + 16 + 8;
        for (byte[] emsg : eventMessages) {
            size += emsg.length;
        }
        for (TrackFragment t : tracks) {
            boolean cto = false;
            for (Sample s : t.samples()) {
                cto |= s.compositionOffset() != 0;
                size += s.data().length;
            }
            size += 8 + 16 + 20 + 20 + (long) t.samples().size() * (cto ? 16 : 12);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("fragment too large: " + size + " bytes");
        }
        return (int) size;
    }

    /** Writes a traf and returns the position of its trun data_offset field. */
    private static int traf(BoxWriter w, TrackFragment t) {
        w.open("traf");
        w.openFull("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(t.trackId()).close();
        w.openFull("tfdt", 1, 0).u64(t.baseDecodeTime()).close();
        boolean cto = false;
        for (Sample s : t.samples()) {
            cto |= s.compositionOffset() != 0;
        }
        int flags = TRUN_DATA_OFFSET | TRUN_DURATION | TRUN_SIZE | TRUN_FLAGS | (cto ? TRUN_CTO : 0);
        w.openFull("trun", 1, flags).u32(t.samples().size());
        int offsetField = w.position();
        w.u32(0);
        for (Sample s : t.samples()) {
            w.u32(s.duration()).u32(s.data().length).u32(s.sync() ? FLAGS_SYNC : FLAGS_NON_SYNC);
            if (cto) {
                w.u32(s.compositionOffset() & 0xFFFFFFFFL);
            }
        }
        w.close().close();
        return offsetField;
    }
}
