/**
 * The RTMP chunk stream (RTMP 1.0 §5.3): {@link dev.streamcat.rtmp.internal.chunk.ChunkDecoder} turns
 * bytes into whole {@link dev.streamcat.rtmp.internal.chunk.RawMessage}s and owns the chunk-level
 * protocol control (Set Chunk Size, Abort, Acknowledgement window, §5.4);
 * {@link dev.streamcat.rtmp.internal.chunk.ChunkEncoder} splits the server's messages into chunks.
 */
@NullMarked
package dev.streamcat.rtmp.internal.chunk;

import org.jspecify.annotations.NullMarked;
