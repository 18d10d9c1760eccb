/**
 * FLV tag body decoding for RTMP ingest: legacy AVC/AAC (FLV spec v10.1 Annex E.4.2/E.4.3) and
 * Enhanced RTMP v1/v2 ({@code ExHeader} video and audio with FourCC {@code avc1}, {@code hvc1},
 * {@code av01}, {@code mp4a}; https://github.com/veovera/enhanced-rtmp).
 *
 * <p>{@link dev.streamcat.media.flv.FlvTagDecoder} is a pure function from a tag body to a typed
 * {@link dev.streamcat.media.flv.VideoTag} / {@link dev.streamcat.media.flv.AudioTag};
 * {@link dev.streamcat.media.flv.FlvStreamDecoder} drives a {@link dev.streamcat.media.MediaSink}
 * from the RTMP message callbacks.
 */
@NullMarked
package dev.streamcat.media.flv;

import org.jspecify.annotations.NullMarked;
