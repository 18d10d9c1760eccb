/**
 * RTMP(S) ingest wiring: the engine's {@link dev.streamcat.engine.ingest.IngestServer} checks stream
 * keys against the channels, allows one publisher per channel and feeds each publish through FLV
 * decoding into its {@link dev.streamcat.engine.stream.LiveStream}.
 */
@NullMarked
package dev.streamcat.engine.ingest;

import org.jspecify.annotations.NullMarked;
