package dev.streamcat.engine.resource;

import dev.streamcat.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opaque {@code nextToken} values: the sort key of the last item of a page, base64url-encoded
 * with a version prefix. Tokens are not secrets; a forged one only moves the page start.
 */
public final class PageToken {
    private static final String PREFIX = "v1:";

    private PageToken() {}

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the page starts; empty for the first page. */
    public static Optional<String> decode(@Nullable String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Optional.of(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ValidationException.field("nextToken", "The nextToken is invalid");
    }

    /** The page size: {@code requested} when given, else {@code fallback}. Validated by the caller. */
    public static int pageSize(@Nullable Integer requested, int fallback) {
        return requested == null ? fallback : requested;
    }
}
