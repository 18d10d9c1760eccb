package dev.streamcat.chat.log;

import dev.streamcat.chat.protocol.ChatTimes;
import dev.streamcat.chat.protocol.FrameType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a room's records between two instants from the files of {@link CloudWatchLogsSink} (for chat replay). Files are
 * append-only and time-ordered, and every line starts with a fixed-width {@code event_timestamp}, so the first record
 * at or after {@code from} is found by binary search over byte offsets (O(log n) line reads), then lines are read
 * sequentially until {@code to}. A trailing partial line (a crash mid-write) and malformed lines are skipped.
 *
 * <p>Thread-safe: stateless; each call opens its own file channel.
 */
public final class ChatLogReader {
    private static final byte[] PREFIX = "{\"event_timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMESTAMP_LENGTH = "2023-01-05T14:33:32.894Z".length();
    private static final String TYPE_FIELD = "\"type\":\"";
    private static final String PAYLOAD_FIELD = "\"payload\":";

    private final Path root;

    /** A reader of the files under {@code root} (the same root given to {@link CloudWatchLogsSink#open}). */
    public ChatLogReader(Path root) {
        this.root = root;
    }

    /**
     * The records of {@code roomId} with {@code from <= event_timestamp < to}, oldest first, at most {@code limit}.
     * Empty when the room has no log file.
     */
    public List<ChatLogEntry> read(String logGroupName, String roomId, Instant from, Instant to, int limit)
            throws IOException {
        Path file = CloudWatchLogsSink.logFile(root, logGroupName, roomId);
        var entries = new ArrayList<ChatLogEntry>();
        if (limit <= 0 || !from.isBefore(to)) {
            return entries;
        }
        try (var lines = new LineFile(FileChannel.open(file, StandardOpenOption.READ))) {
            String fromKey = ChatTimes.logTime(from);
            long position = firstAtOrAfter(lines, fromKey);
            while (position < lines.end() && entries.size() < limit) {
                Line line = lines.lineAt(position);
                position = line.next();
                Optional<ChatLogEntry> entry = parse(line.text());
                if (entry.isEmpty()) {
                    continue;
                }
                if (!entry.get().eventTimestamp().isBefore(to)) {
                    break;
                }
                if (!entry.get().eventTimestamp().isBefore(from)) {
                    entries.add(entry.get());
                }
            }
        } catch (NoSuchFileException e) {
            return entries;
        }
        return entries;
    }

    /** Smallest line start whose timestamp is at or after {@code key} (lexical order equals time order). */
    private static long firstAtOrAfter(LineFile lines, String key) throws IOException {
        long low = 0; // a line start; every line before it is earlier than key
        long high = lines.end(); // every line starting at or after high is at or after key
        while (low < high) {
            long mid = (low + high) >>> 1;
            long start = lines.lineStartAtOrAfter(mid);
            if (start >= high) {
                high = mid;
                continue;
            }
            Line line = lines.lineAt(start);
            if (timestampKey(line.text()).compareTo(key) >= 0) {
                high = start;
            } else {
                low = line.next();
            }
        }
        return low;
    }

    private static String timestampKey(String line) {
        int begin = PREFIX.length;
        return line.length() >= begin + TIMESTAMP_LENGTH ? line.substring(begin, begin + TIMESTAMP_LENGTH) : "";
    }

    static Optional<ChatLogEntry> parse(String line) {
        String key = timestampKey(line);
        int typeAt = line.indexOf(TYPE_FIELD);
        int payloadAt = line.indexOf(PAYLOAD_FIELD);
        if (key.isEmpty() || typeAt < 0 || payloadAt < 0 || !line.endsWith("}")) {
            return Optional.empty();
        }
        int typeStart = typeAt + TYPE_FIELD.length();
        int typeEnd = line.indexOf('"', typeStart);
        try {
            var type = FrameType.valueOf(line.substring(typeStart, typeEnd));
            Instant time = ChatTimes.parse(key);
            return Optional.of(new ChatLogEntry(
                    time, type, line.substring(payloadAt + PAYLOAD_FIELD.length(), line.length() - 1)));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** One line: its text (without terminator) and the offset of the next line. */
    private record Line(String text, long next) {}

    /**
     * Positional line access over a file, ignoring a trailing partial line.
     *
     * <p>Confined to one {@link #read} call.
     */
    private static final class LineFile implements AutoCloseable {
        private static final int BLOCK = 8192;

        private final FileChannel channel;
        private final long end;

        LineFile(FileChannel channel) throws IOException {
            this.channel = channel;
            this.end = lastLineEnd(channel);
        }

        long end() {
            return end;
        }

        private static long lastLineEnd(FileChannel channel) throws IOException {
            long position = channel.size();
            var buffer = ByteBuffer.allocate(BLOCK);
            while (position > 0) {
                long blockStart = Math.max(0, position - BLOCK);
                buffer.clear().limit((int) (position - blockStart));
                readFully(channel, buffer, blockStart);
                for (int i = buffer.limit() - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return blockStart + i + 1;
                    }
                }
                position = blockStart;
            }
            return 0;
        }

        /** The first line start at or after {@code position}, or {@link #end()}. */
        long lineStartAtOrAfter(long position) throws IOException {
            if (position == 0) {
                return 0;
            }
            long newline = indexOfNewline(position - 1);
            return newline < 0 ? end : Math.min(newline + 1, end);
        }

        Line lineAt(long start) throws IOException {
            long newline = indexOfNewline(start);
            long stop = newline < 0 ? end : newline;
            var bytes = ByteBuffer.allocate(Math.toIntExact(stop - start));
            readFully(channel, bytes, start);
            return new Line(new String(bytes.array(), StandardCharsets.UTF_8), stop + 1);
        }

        private long indexOfNewline(long from) throws IOException {
            var buffer = ByteBuffer.allocate(BLOCK);
            long position = from;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BLOCK, end - position));
                readFully(channel, buffer, position);
                for (int i = 0; i < buffer.limit(); i++) {
                    if (buffer.get(i) == '\n') {
                        return position + i;
                    }
                }
                position += buffer.limit();
            }
            return -1;
        }

        private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
            long at = position;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IOException("file shrank while reading");
                }
                at += read;
            }
            buffer.flip();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
