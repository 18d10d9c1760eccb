/**
 * Rooms and fan-out, transport-agnostic: {@link dev.streamcat.chat.room.RoomRegistry} and {@link
 * dev.streamcat.chat.room.Room} run the IVS Chat request pipeline (flood guard, parsing, capabilities, limits, review,
 * logging) for connections the gateway implements as {@link dev.streamcat.chat.room.ChatConnection}, and deliver each
 * encoded frame through the {@link dev.streamcat.chat.room.ChatBus} SPI (in-process by default; a Redis pub/sub
 * implementation can replace it for several nodes).
 */
@NullMarked
package dev.streamcat.chat.room;

import org.jspecify.annotations.NullMarked;
