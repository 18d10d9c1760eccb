package dev.streamcat.chat.protocol;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed client action, carrying the IVS Chat {@link ChatErrorCode} and the {@code RequestId} of the failing request
 * when it was known. The gateway turns it into one {@link ServerFrame.Error} (see {@link #toFrame(String)}).
 *
 * <p>Immutable; thread-safe.
 */
public final class ChatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ChatErrorCode errorCode;
    private final @Nullable String requestId;

    /** A failure without a known request id. */
    public ChatException(ChatErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    private ChatException(ChatErrorCode errorCode, String message, @Nullable String requestId) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.requestId = requestId;
    }

    /** A failure of the request with the given {@code RequestId}. */
    public static ChatException of(ChatErrorCode errorCode, String message, Optional<String> requestId) {
        return new ChatException(errorCode, message, requestId.orElse(null));
    }

    /** This failure attributed to {@code requestId} (unchanged when absent). */
    public ChatException withRequestId(Optional<String> requestId) {
        return requestId.isEmpty() ? this : new ChatException(errorCode, getMessage(), requestId.get());
    }

    /** The wire error code. */
    public ChatErrorCode errorCode() {
        return errorCode;
    }

    /** The {@code RequestId} of the failing request, when the client sent one and it could be read. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** The {@code ERROR} frame telling the client about this failure. */
    public ServerFrame.Error toFrame(String frameId) {
        return new ServerFrame.Error(frameId, requestId(), errorCode, getMessage());
    }
}
