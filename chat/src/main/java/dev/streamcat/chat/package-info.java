/**
 * StreamCat chat core without transport: the IVS Chat messaging protocol ({@code protocol}), room and per-connection
 * limits ({@code limit}), the message review pipeline ({@code review}), chat logging sinks and replay ({@code log}),
 * and rooms with the fan-out bus SPI ({@code room}). The WebSocket gateway lives in the engine and drives a
 * {@link dev.streamcat.chat.room.Room} through {@link dev.streamcat.chat.room.ChatConnection}.
 */
@NullMarked
package dev.streamcat.chat;

import org.jspecify.annotations.NullMarked;
