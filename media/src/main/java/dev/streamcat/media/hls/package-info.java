/**
 * Low-Latency HLS packaging: the segmenter/packager ({@link dev.streamcat.media.hls.HlsPackager}),
 * the immutable playlist model ({@link dev.streamcat.media.hls.PlaylistSnapshot}), the renderers,
 * and the blocking-reload decision ({@link dev.streamcat.media.hls.BlockingReload}), following
 * draft-pantos-hls-rfc8216bis (§4.4.3.7-§4.4.5.3 tags, §6.2.2 live playlists, §6.2.5.2 blocking
 * reload, §6.2.5.1 delta updates).
 *
 * <p>URI naming, relative to the media playlist: {@value dev.streamcat.media.hls.HlsUris#INIT}
 * (later init versions {@code init-<v>.mp4}), {@code seg<msn>.m4s}, {@code part<msn>.<i>.m4s},
 * media playlist {@value dev.streamcat.media.hls.HlsUris#MEDIA_PLAYLIST}, multivariant
 * {@value dev.streamcat.media.hls.HlsUris#MULTIVARIANT_PLAYLIST}.
 */
@NullMarked
package dev.streamcat.media.hls;

import org.jspecify.annotations.NullMarked;
