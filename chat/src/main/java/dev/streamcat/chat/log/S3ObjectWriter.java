package dev.streamcat.chat.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and rolls the per-room gzip objects of an {@link S3Sink}.
 *
 * <p>Confined to the sink's writer thread.
 */
final class S3ObjectWriter implements BatchWriter {
    private static final DateTimeFormatter HOUR_PATH =
            DateTimeFormatter.ofPattern("uuuu/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final Path bucketRoot;
    private final S3Sink.Layout layout;
    private final InstantSource clock;
    private final Consumer<Path> finished;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, OpenObject> open = new HashMap<>();

    S3ObjectWriter(Path bucketRoot, S3Sink.Layout layout, InstantSource clock, Consumer<Path> finished) {
        this.bucketRoot = bucketRoot;
        this.layout = layout;
        this.clock = clock;
        this.finished = finished;
    }

    @Override
    public void write(List<ChatLogRecord> batch) throws IOException {
        for (ChatLogRecord record : batch) {
            OpenObject object = open.get(record.roomId());
            if (object == null) {
                object = start(record.roomId());
                open.put(record.roomId(), object);
            }
            object.out.write(record.toJsonLine());
            object.records++;
            if (object.records >= layout.maxRecordsPerObject()) {
                open.remove(record.roomId());
                finish(object);
            }
        }
    }

    @Override
    public void tick() throws IOException {
        Instant now = clock.instant();
        Iterator<OpenObject> objects = open.values().iterator();
        while (objects.hasNext()) {
            OpenObject object = objects.next();
            if (!now.isBefore(object.started.plus(layout.rollInterval()))) {
                objects.remove();
                finish(object);
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (OpenObject object : open.values()) {
            try {
                finish(object);
            } catch (IOException e) {
                failure = e;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void finish(OpenObject object) throws IOException {
        object.finish();
        finished.accept(object.target);
    }

    private OpenObject start(String roomId) throws IOException {
        Instant started = clock.instant();
        String account = layout.accountId();
        String region = layout.region();
        Path dir = bucketRoot.resolve("AWSLogs/" + account + "/IVSChatLogs/1.0/" + region + "/room_" + roomId + "/"
                + HOUR_PATH.format(started));
        Files.createDirectories(dir);
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String name = account + "_IVSChatLogs_1.0_" + region + "_room_" + roomId + "_" + NAME_TIME.format(started) + "_"
                + HexFormat.of().formatHex(suffix) + ".log.gz";
        return new OpenObject(dir.resolve(name), started);
    }

    /** One object being written: {@code <name>.part} until finished. */
    private static final class OpenObject {
        final Path target;
        final Path part;
        final Instant started;
        final FileOutputStream file;
        final GZIPOutputStream out;
        int records;

        OpenObject(Path target, Instant started) throws IOException {
            this.target = target;
            this.part = target.resolveSibling(target.getFileName() + ".part");
            this.started = started;
            this.file = new FileOutputStream(part.toFile());
            this.out = new GZIPOutputStream(file, 8192);
        }

        void finish() throws IOException {
            try (out) {
                out.finish();
                out.flush();
                file.getFD().sync();
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
