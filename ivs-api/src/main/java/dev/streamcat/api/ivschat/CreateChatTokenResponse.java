package dev.streamcat.api.ivschat;

import java.time.Instant;

/** The CreateChatTokenResponse shape of the API. */
public record CreateChatTokenResponse(String token, Instant tokenExpirationTime, Instant sessionExpirationTime) {}
