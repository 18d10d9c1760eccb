/**
 * Internals of the RTMP ingest; nothing here is API. {@link
 * dev.streamcat.rtmp.internal.RtmpChannelInitializer} assembles the pipeline, one stage per protocol
 * layer: TLS (optional) → idle timer → {@code handshake} → {@code chunk} decoder/encoder → {@code message}
 * decoder/encoder → {@code session}.
 */
@NullMarked
package dev.streamcat.rtmp.internal;

import org.jspecify.annotations.NullMarked;
