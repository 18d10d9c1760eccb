package dev.streamcat.api.ivschat;

import java.time.Instant;

/** The CreateChatTokenResponse shape of the API. */
public record CreateChatTokenResponse(String token, Instant tokenExpirationTime, Instant sessionExpirationTime) {
    /** Leaves the bearer token out, so a logged response does not leak it. */
    @Override
    public String toString() {
        return "CreateChatTokenResponse[token=***, tokenExpirationTime=" + tokenExpirationTime
                + ", sessionExpirationTime=" + sessionExpirationTime + "]";
    }
}
