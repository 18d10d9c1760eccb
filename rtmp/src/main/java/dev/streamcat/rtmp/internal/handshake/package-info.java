/**
 * The RTMP handshake (RTMP 1.0 §5.2), in both forms clients use: the plain one of the spec, and the
 * HMAC-SHA256 "digest" form of the Flash Player / FMS 3 era that ffmpeg, librtmp (OBS) and others send
 * (described by the rtmpdump and crtmpserver authors, never in an Adobe spec).
 */
@NullMarked
package dev.streamcat.rtmp.internal.handshake;

import org.jspecify.annotations.NullMarked;
