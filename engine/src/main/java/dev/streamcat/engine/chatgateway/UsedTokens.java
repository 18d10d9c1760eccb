package dev.streamcat.engine.chatgateway;

import java.time.Instant;

/**
 * Remembers which chat tokens have opened a connection, so each token is used once (IVS: a token is single-use). An
 * entry only has to live until its token expires, after which the token is refused as expired anyway. In memory for
 * one node ({@link InMemoryUsedTokens}); several nodes share a store such as Redis ({@code SET key 1 NX PXAT
 * <expiresAt>}).
 *
 * <p>Implementations are thread-safe and answer quickly: the gateway calls {@link #markUsed} on an event loop.
 */
public interface UsedTokens {

    /**
     * Records the use of {@code tokenId}, remembered until {@code expiresAt}.
     *
     * @return true the first time, false when the token was already used
     */
    boolean markUsed(String tokenId, Instant expiresAt);
}
