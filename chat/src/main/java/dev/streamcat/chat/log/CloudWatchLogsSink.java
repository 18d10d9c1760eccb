package dev.streamcat.chat.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The self-hosted CloudWatch Logs destination: appends JSON lines to
 * {@code <root>/cloudwatch/<logGroupName>/aws/IVSChatLogs/1.0/room_<roomId>.jsonl}, one file per IVS log stream
 * ({@code aws/IVSChatLogs/1.0/room_<roomId>}). Each batch is written straight to the file (so it survives a process
 * crash); files are fsynced every {@code syncInterval} and on close. At most 256 files stay open (least recently used
 * closed first). Read them back with {@link ChatLogReader}.
 *
 * <p>Thread-safe (see {@link ChatLogSink}); file I/O happens only on the sink's writer thread.
 */
public final class CloudWatchLogsSink extends WorkerSink {
    /** The IVS log stream name prefix. */
    public static final String STREAM_PREFIX = "aws/IVSChatLogs/1.0/room_";

    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

    private CloudWatchLogsSink(String name, BatchWriter writer, SinkOptions options) {
        super(name, writer, options);
    }

    /**
     * Opens a sink writing under {@code root}.
     *
     * @param logGroupName IVS {@code cloudWatchLogs.logGroupName} ({@code [.\-_/#A-Za-z0-9]+}, no {@code ..} segment)
     */
    public static CloudWatchLogsSink open(Path root, String logGroupName, Duration syncInterval, SinkOptions options)
            throws IOException {
        Path dir = groupDirectory(root, logGroupName);
        Files.createDirectories(dir.resolve(STREAM_PREFIX).getParent());
        var writer = new Writer(root, logGroupName, syncInterval);
        return new CloudWatchLogsSink("cloudwatch-" + logGroupName, writer, options);
    }

    /** The file holding the log stream of {@code roomId} in {@code logGroupName}. */
    public static Path logFile(Path root, String logGroupName, String roomId) {
        return groupDirectory(root, logGroupName).resolve(STREAM_PREFIX + roomId + ".jsonl");
    }

    private static Path groupDirectory(Path root, String logGroupName) {
        if (!LOG_GROUP.matcher(logGroupName).matches()
                || logGroupName.startsWith("/")
                || List.of(logGroupName.split("/")).contains("..")) {
            throw new IllegalArgumentException("invalid logGroupName: " + logGroupName);
        }
        return root.resolve("cloudwatch").resolve(logGroupName);
    }

    /** Appends to per-room files. Confined to the writer thread. */
    private static final class Writer implements BatchWriter {
        private static final int MAX_OPEN = 256;

        private final Path root;
        private final String logGroupName;
        private final long syncIntervalNanos;
        private final Map<String, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true);
        private final Set<FileChannel> dirty = new HashSet<>();
        private long lastSync = System.nanoTime();

        Writer(Path root, String logGroupName, Duration syncInterval) {
            this.root = root;
            this.logGroupName = logGroupName;
            this.syncIntervalNanos = syncInterval.toNanos();
        }

        @Override
        public void write(List<ChatLogRecord> batch) throws IOException {
            var byRoom = new LinkedHashMap<String, List<byte[]>>();
            for (ChatLogRecord record : batch) {
                byRoom.computeIfAbsent(record.roomId(), id -> new ArrayList<>()).add(record.toJsonLine());
            }
            for (var entry : byRoom.entrySet()) {
                FileChannel channel = channel(entry.getKey());
                int size =
                        entry.getValue().stream().mapToInt(line -> line.length).sum();
                var buffer = ByteBuffer.allocate(size);
                entry.getValue().forEach(buffer::put);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                dirty.add(channel);
            }
        }

        private FileChannel channel(String roomId) throws IOException {
            FileChannel channel = open.get(roomId);
            if (channel != null) {
                return channel;
            }
            if (open.size() >= MAX_OPEN) {
                var eldest = open.entrySet().iterator().next();
                closeChannel(eldest.getValue());
                open.remove(eldest.getKey());
            }
            Path file = logFile(root, logGroupName, roomId);
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            open.put(roomId, channel);
            return channel;
        }

        @Override
        public void tick() throws IOException {
            if (System.nanoTime() - lastSync >= syncIntervalNanos) {
                syncAll();
            }
        }

        private void syncAll() throws IOException {
            for (FileChannel channel : dirty) {
                channel.force(false);
            }
            dirty.clear();
            lastSync = System.nanoTime();
        }

        private void closeChannel(FileChannel channel) throws IOException {
            if (dirty.remove(channel)) {
                channel.force(false);
            }
            channel.close();
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (FileChannel channel : open.values()) {
                try {
                    closeChannel(channel);
                } catch (IOException e) {
                    failure = e;
                }
            }
            open.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
