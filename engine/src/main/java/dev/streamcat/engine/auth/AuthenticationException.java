package dev.streamcat.engine.auth;

import dev.streamcat.api.AwsServiceException;

/**
 * A request the control API refuses before reading it, with the error types AWS uses for SigV4
 * failures (all 403): {@code MissingAuthenticationTokenException}, {@code
 * IncompleteSignatureException}, {@code UnrecognizedClientException}, {@code
 * InvalidSignatureException}.
 */
public final class AuthenticationException extends AwsServiceException {
    AuthenticationException(String errorType, String message) {
        super(errorType, 403, message);
    }

    static AuthenticationException missing() {
        return new AuthenticationException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static AuthenticationException incomplete(String message) {
        return new AuthenticationException("IncompleteSignatureException", message);
    }

    static AuthenticationException unrecognized() {
        return new AuthenticationException(
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    static AuthenticationException invalid(String message) {
        return new AuthenticationException("InvalidSignatureException", message);
    }
}
