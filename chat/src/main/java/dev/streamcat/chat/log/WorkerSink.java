package dev.streamcat.chat.log;

/**
 * A {@link ChatLogSink} whose records go through its own {@link SinkWorker} (bounded queue, writer thread) to a
 * {@link BatchWriter}: the sinks differ only in the writer.
 */
abstract class WorkerSink implements ChatLogSink {
    private final SinkWorker worker;

    WorkerSink(String name, BatchWriter writer, SinkOptions options) {
        this.worker = new SinkWorker(name, writer, options.queueCapacity(), options.maxBatch(), options.closeTimeout());
    }

    @Override
    public final boolean offer(ChatLogRecord record) {
        return worker.offer(record);
    }

    @Override
    public final SinkStats stats() {
        return worker.stats();
    }

    @Override
    public final void close() {
        worker.close();
    }
}
