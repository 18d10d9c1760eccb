package dev.streamcat.bench.live;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The decode times (ms) of the first and last video frame in a CMAF fragment (ISO/IEC 14496-12
 * moof/traf/tfhd/tfdt/trun) or an MPEG-TS segment (ISO/IEC 13818-1 PES DTS, else PTS).
 */
record MediaTimes(long firstMs, long lastMs) {

    /** CMAF: the track with {@code videoTrackId}; timescale 90 kHz. */
    static Optional<MediaTimes> ofCmaf(byte[] bytes, int videoTrackId) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Optional<MediaTimes> found = Optional.empty();
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = b.getInt() & 0xFFFFFFFFL;
            int type = b.getInt();
            if (size < 8 || start + size > bytes.length) break;
            if (type == fourcc("moof")) {
                Optional<MediaTimes> t = traf(b, start + 8, (int) (start + size), videoTrackId);
                if (t.isPresent()) {
                    found = found.isEmpty() ? t : Optional.of(new MediaTimes(found.get().firstMs, t.get().lastMs));
                }
            }
            b.position((int) (start + size));
        }
        return found;
    }

    private static Optional<MediaTimes> traf(ByteBuffer b, int from, int to, int videoTrackId) {
        for (int p = from; p + 8 <= to; ) {
            int size = b.getInt(p);
            if (size < 8) break;
            if (b.getInt(p + 4) == fourcc("traf")) {
                int track = -1;
                long base = -1;
                long defaultDuration = 0;
                long durations = 0;
                int samples = 0;
                for (int q = p + 8; q + 8 <= p + size; ) {
                    int s = b.getInt(q);
                    int t = b.getInt(q + 4);
                    if (s < 8) break;
                    int flags = b.getInt(q + 8) & 0xFFFFFF;
                    int version = b.get(q + 8) & 0xFF;
                    if (t == fourcc("tfhd")) {
                        track = b.getInt(q + 12);
                        int o = q + 16 + ((flags & 1) != 0 ? 8 : 0) + ((flags & 2) != 0 ? 4 : 0);
                        if ((flags & 8) != 0) defaultDuration = b.getInt(o) & 0xFFFFFFFFL;
                    } else if (t == fourcc("tfdt")) {
                        base = version == 1 ? b.getLong(q + 12) : b.getInt(q + 12) & 0xFFFFFFFFL;
                    } else if (t == fourcc("trun")) {
                        samples = b.getInt(q + 12);
                        int o = q + 16 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 4 : 0);
                        int stride = Integer.bitCount(flags & 0xF00) * 4;
                        for (int i = 0; i < samples - 1; i++) {
                            durations +=
                                    (flags & 0x100) != 0 ? b.getInt(o + i * stride) & 0xFFFFFFFFL : defaultDuration;
                        }
                    }
                    q += s;
                }
                if (track == videoTrackId && base >= 0 && samples > 0) {
                    return Optional.of(new MediaTimes(base / 90, (base + durations) / 90));
                }
            }
            p += size;
        }
        return Optional.empty();
    }

    /** MPEG-TS: video PES (stream id 0xE0..0xEF) timestamps in 90 kHz. */
    static Optional<MediaTimes> ofTransportStream(byte[] bytes) {
        long first = -1;
        long last = -1;
        for (int p = 0; p + 188 <= bytes.length; p += 188) {
            if (bytes[p] != 0x47 || (bytes[p + 1] & 0x40) == 0) continue;
            int afc = (bytes[p + 3] >> 4) & 3;
            int o = p + 4 + ((afc & 2) != 0 ? 1 + (bytes[p + 4] & 0xFF) : 0);
            if ((afc & 1) == 0 || o + 14 > p + 188) continue;
            if (bytes[o] != 0 || bytes[o + 1] != 0 || bytes[o + 2] != 1) continue;
            int streamId = bytes[o + 3] & 0xFF;
            if (streamId < 0xE0 || streamId > 0xEF) continue;
            int ptsDts = (bytes[o + 7] >> 6) & 3;
            if (ptsDts == 0) continue;
            int at = ptsDts == 3 ? o + 14 : o + 9;
            long ts = timestamp(bytes, at);
            if (first < 0) first = ts;
            last = ts;
        }
        return first < 0 ? Optional.empty() : Optional.of(new MediaTimes(first / 90, last / 90));
    }

    private static long timestamp(byte[] b, int at) {
        return ((long) (b[at] & 0x0E) << 29)
                | ((b[at + 1] & 0xFFL) << 22)
                | ((b[at + 2] & 0xFEL) << 14)
                | ((b[at + 3] & 0xFFL) << 7)
                | ((b[at + 4] & 0xFEL) >> 1);
    }

    private static int fourcc(String s) {
        return (s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
    }
}
