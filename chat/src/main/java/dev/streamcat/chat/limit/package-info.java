/**
 * Rate and size limits: the room-wide message rate of IVS ({@link dev.streamcat.chat.limit.RoomLimits},
 * {@link dev.streamcat.chat.limit.RateLimiter}) and the per-connection flood guard
 * ({@link dev.streamcat.chat.limit.FloodGuard}). All lock-free; time comes from an injected
 * {@link dev.streamcat.chat.limit.Ticker}.
 */
@NullMarked
package dev.streamcat.chat.limit;

import org.jspecify.annotations.NullMarked;
