/** Chat load: many WebSocket clients in one room, delivery rate and latency, server CPU and memory. */
@NullMarked
package dev.streamcat.bench.chat;

import org.jspecify.annotations.NullMarked;
