package dev.streamcat.engine.chatgateway;

import dev.streamcat.engine.chat.ChatTokenClaims;
import dev.streamcat.engine.chat.ChatTokenCodec;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Admits a WebSocket handshake by its chat token, the single {@code Sec-WebSocket-Protocol} value (as the IVS SDK
 * sends it: {@code new WebSocket(url, token)}): the token must open with this engine's key, be presented before its
 * {@code tokenExpiration} (1 minute after creation) and before its session ends, and not have been used before. A
 * token is spent as soon as it passes, even if the handshake then fails for another reason.
 *
 * <p>Thread-safe; non-blocking (AES-GCM and a map lookup), so it runs on the event loop.
 */
final class TokenGate {

    /** The outcome of a handshake check. */
    sealed interface Admission {
        /** The token is good and now spent. */
        record Admitted(ChatTokenClaims claims) implements Admission {}

        /** The handshake must be refused. */
        record Refused(HandshakeRefusal refusal) implements Admission {}
    }

    private final ChatTokenCodec codec;
    private final UsedTokens usedTokens;
    private final InstantSource clock;

    TokenGate(ChatTokenCodec codec, UsedTokens usedTokens, InstantSource clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.usedTokens = Objects.requireNonNull(usedTokens, "usedTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks the {@code Sec-WebSocket-Protocol} header values of a handshake. */
    Admission admit(List<String> protocolHeaders) {
        if (protocolHeaders.size() != 1) {
            return new Admission.Refused(HandshakeRefusal.MISSING_TOKEN);
        }
        String token = protocolHeaders.getFirst().strip();
        if (token.isEmpty() || token.indexOf(',') >= 0) {
            return new Admission.Refused(HandshakeRefusal.MISSING_TOKEN);
        }
        var claims = codec.open(token);
        if (claims.isEmpty()) {
            return new Admission.Refused(HandshakeRefusal.INVALID_TOKEN);
        }
        Instant now = clock.instant();
        ChatTokenClaims c = claims.get();
        if (!now.isBefore(c.tokenExpiration()) || !now.isBefore(c.sessionExpiration())) {
            return new Admission.Refused(HandshakeRefusal.EXPIRED_TOKEN);
        }
        if (!usedTokens.markUsed(c.tokenId(), c.tokenExpiration())) {
            return new Admission.Refused(HandshakeRefusal.TOKEN_ALREADY_USED);
        }
        return new Admission.Admitted(c);
    }
}
