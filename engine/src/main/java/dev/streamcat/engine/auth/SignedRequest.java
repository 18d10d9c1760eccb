package dev.streamcat.engine.auth;

import java.util.List;
import java.util.Map;

/**
 * The parts of an HTTP request that SigV4 covers, as received.
 *
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when none
 * @param headers header values by lower-case name, in arrival order
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
