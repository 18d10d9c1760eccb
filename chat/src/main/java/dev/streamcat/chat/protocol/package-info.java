/**
 * The IVS Chat messaging protocol: client actions parsed from JSON text frames as {@code amazon-ivs-chat-messaging}
 * sends them ({@link dev.streamcat.chat.protocol.ActionParser}), server frames encoded once to UTF-8 JSON exactly as
 * IVS sends them ({@link dev.streamcat.chat.protocol.FrameEncoder}), chat error codes and ids.
 */
@NullMarked
package dev.streamcat.chat.protocol;

import org.jspecify.annotations.NullMarked;
