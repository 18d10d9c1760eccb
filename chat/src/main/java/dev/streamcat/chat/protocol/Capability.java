package dev.streamcat.chat.protocol;

/**
 * A chat token capability (CreateChatToken {@code capabilities}). Viewing needs no capability.
 *
 * <p>Immutable; thread-safe.
 */
public enum Capability {
    SEND_MESSAGE,
    DELETE_MESSAGE,
    DISCONNECT_USER
}
