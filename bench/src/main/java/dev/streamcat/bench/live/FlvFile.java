package dev.streamcat.bench.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tags of an FLV file (Adobe FLV spec, annex E), held in memory for replay. Immutable. */
record FlvFile(List<Tag> tags, long durationMs) {
    /** One tag: type 8 audio, 9 video, 18 script data; timestamp in milliseconds. */
    record Tag(int type, long timestampMs, byte[] body) {
        boolean videoKeyframe() {
            return type == 9 && body.length > 0 && ((body[0] & 0xF0) >> 4) == 1;
        }

        boolean sequenceHeader() {
            return (type == 9 && body.length > 1 && (body[0] & 0x0F) == 7 && body[1] == 0)
                    || (type == 8 && body.length > 1 && ((body[0] & 0xF0) >> 4) == 10 && body[1] == 0);
        }
    }

    static FlvFile read(Path path) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(path));
        if (in.remaining() < 13 || in.get(0) != 'F' || in.get(1) != 'L' || in.get(2) != 'V') {
            throw new IOException(path + " is not an FLV file");
        }
        in.position(in.getInt(5) + 4);
        List<Tag> tags = new ArrayList<>();
        long last = 0;
        while (in.remaining() >= 11) {
            int type = in.get() & 0x1F;
            int size = ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
            long ts = ((in.get() & 0xFFL) << 16)
                    | ((in.get() & 0xFFL) << 8)
                    | (in.get() & 0xFFL)
                    | ((in.get() & 0xFFL) << 24);
            in.position(in.position() + 3);
            if (in.remaining() < size + 4) break;
            byte[] body = new byte[size];
            in.get(body);
            in.getInt();
            tags.add(new Tag(type, ts, body));
            last = Math.max(last, ts);
        }
        return new FlvFile(List.copyOf(tags), last);
    }
}
