package dev.streamcat.engine.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a chat token grants: a user in a room with capabilities and attributes, usable to connect
 * until {@code tokenExpiration}, for a session ending at {@code sessionExpiration}.
 *
 * @param tokenId unique per token, for single-use tracking by the chat gateway
 */
public record ChatTokenClaims(
        String tokenId,
        String roomArn,
        String userId,
        List<String> capabilities,
        Map<String, String> attributes,
        Instant tokenExpiration,
        Instant sessionExpiration) {

    public boolean can(String capability) {
        return capabilities.contains(capability);
    }
}
