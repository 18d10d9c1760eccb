package dev.streamcat.app.web;

import java.time.Instant;
import java.util.Optional;

/**
 * A server-side session: anonymous (a visitor who opened a form or the chat) or signed in. The
 * cookie holds a random token; the database keeps only its SHA-256 ({@code idHash}). Immutable.
 *
 * @param csrfToken the synchronizer token every state-changing request of this session must echo
 * @param guestId the stable chat identity of an anonymous visitor, once one was handed out
 */
public record Session(
        String idHash, String csrfToken, Optional<SignedInUser> user, Optional<String> guestId, Instant expiresAt) {

    public boolean signedIn() {
        return user.isPresent();
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
