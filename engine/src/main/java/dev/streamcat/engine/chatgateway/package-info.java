/**
 * The chat gateway: IVS Chat messaging over WebSocket on the engine listener. {@link
 * dev.streamcat.engine.chatgateway.ChatGateway} admits a connection at {@code /} with the chat token presented as the
 * {@code Sec-WebSocket-Protocol} value (opened, expiry-checked and spent once), opens the chat-core room of the IVS room
 * on first use with settings built from the room row (limits, review handler, log sinks), takes each upgraded channel
 * over from Vert.x as a chat-core {@link dev.streamcat.chat.room.ChatConnection}, fans broadcast frames out per event
 * loop in batches encoded once ({@link dev.streamcat.engine.chatgateway.EventLoopFanout}), and carries the
 * control API's SendEvent / DeleteMessage / DisconnectUser to the room. Close codes, handshake statuses and limits are
 * documented in {@code docs/design/chat-gateway.md}.
 */
@NullMarked
package dev.streamcat.engine.chatgateway;

import org.jspecify.annotations.NullMarked;
