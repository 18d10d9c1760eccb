/**
 * LL-HLS delivery on the engine's HTTP listener: the channel's multivariant playlist at its IVS-style
 * {@code playbackUrl}, and each stream's media playlist (blocking reload, delta updates), init
 * sections, segments and parts from memory, with CDN-friendly cache headers and CORS. The URL
 * layout is in {@code docs/design/live-video.md}.
 */
@NullMarked
package dev.streamcat.engine.playback;

import org.jspecify.annotations.NullMarked;
