/**
 * Typed RTMP messages (RTMP 1.0 §5.4, §6.2, §7.1): {@link
 * dev.streamcat.rtmp.internal.message.MessageDecoder} turns raw messages into {@link
 * dev.streamcat.rtmp.internal.message.RtmpMessage} records, {@link
 * dev.streamcat.rtmp.internal.message.MessageEncoder} does the reverse for the server's replies.
 */
@NullMarked
package dev.streamcat.rtmp.internal.message;

import org.jspecify.annotations.NullMarked;
