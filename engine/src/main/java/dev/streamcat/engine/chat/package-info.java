/**
 * IVS Chat control plane: rooms, logging configurations, chat tokens, and the in-process {@link
 * dev.streamcat.engine.chat.IvsChatService}.
 */
@NullMarked
package dev.streamcat.engine.chat;

import org.jspecify.annotations.NullMarked;
