package dev.streamcat.chat.log;

import java.io.IOException;
import java.util.List;

/**
 * The destination-specific half of a sink, driven by {@link SinkWorker}.
 *
 * <p>Confined to the sink's writer thread.
 */
interface BatchWriter {

    /** Writes a batch (records in queue order). A thrown exception counts the whole batch as failed. */
    void write(List<ChatLogRecord> batch) throws IOException;

    /** Called at least every poll interval, also when idle: roll, sync or flush on time. */
    void tick() throws IOException;

    /** Flushes, syncs and releases everything. */
    void close() throws IOException;
}
