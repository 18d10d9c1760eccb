/**
 * RTMP and RTMPS ingest: {@link dev.streamcat.rtmp.RtmpServer} accepts publishers (OBS, ffmpeg,
 * GStreamer, Larix) on {@code rtmp://host/app/<streamKey>} and hands their media to the engine through
 * a small SPI.
 *
 * <p>The SPI: a {@link dev.streamcat.rtmp.PublishAuthorizer} decides on each {@code publish} with a
 * {@link dev.streamcat.rtmp.PublishDecision}; an accepted publisher's tags go to the
 * {@link dev.streamcat.rtmp.PublishSink} the decision names, and the engine cuts a live publisher with the
 * {@link dev.streamcat.rtmp.PublishHandle} given to {@link dev.streamcat.rtmp.PublishSink#onStart}.
 * Everything else (handshake, chunk stream, AMF, the session state machine) lives under
 * {@code dev.streamcat.rtmp.internal}.
 *
 * <p>Specs: Adobe RTMP Specification 1.0 (2012), Adobe AMF0 (2007) and AMF3 (2013) specifications,
 * Enhanced RTMP (veovera/enhanced-rtmp, v2).
 */
@NullMarked
package dev.streamcat.rtmp;

import org.jspecify.annotations.NullMarked;
