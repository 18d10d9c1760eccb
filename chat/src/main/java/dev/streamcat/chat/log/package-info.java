/**
 * IVS chat logging: the log record ({@link dev.streamcat.chat.log.ChatLogRecord}), sinks behind {@link
 * dev.streamcat.chat.log.ChatLogSink} (CloudWatch-Logs-style JSON lines, S3-style gzip objects, Firehose-style HTTP
 * batches), each with its own bounded queue and writer thread, and {@link dev.streamcat.chat.log.ChatLogReader} for
 * chat replay.
 */
@NullMarked
package dev.streamcat.chat.log;

import org.jspecify.annotations.NullMarked;
