/**
 * StreamCat media model: the frames and sinks shared by ingest, the stream hub and the packager.
 *
 * <p>Timestamps in this package are <b>milliseconds</b> as carried by RTMP/FLV (unsigned 32-bit
 * values widened to {@code long}). The CMAF writer converts them to a 90 kHz timescale for video
 * and to the sample rate for audio.
 *
 * <p>Sub-packages: {@code codec} (decoder configuration records), {@code flv} (FLV / Enhanced RTMP
 * tag bodies), {@code mp4} (CMAF writer), {@code hls} (segmenter, LL-HLS playlists), {@code hub}
 * (per-stream fan-out), {@code id3} (timed metadata).
 */
@NullMarked
package dev.streamcat.media;

import org.jspecify.annotations.NullMarked;
