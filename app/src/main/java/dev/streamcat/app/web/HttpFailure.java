package dev.streamcat.app.web;

/**
 * A request that cannot be served, with the status and the message shown to the person. Turned into
 * an error page or a JSON error in one place ({@link ErrorHandler}). Immutable.
 */
public final class HttpFailure extends RuntimeException {
    private final int status;

    public HttpFailure(int status, String publicMessage) {
        super(publicMessage, null, false, false);
        this.status = status;
    }

    public static HttpFailure notFound(String what) {
        return new HttpFailure(404, what);
    }

    public static HttpFailure forbidden(String why) {
        return new HttpFailure(403, why);
    }

    public static HttpFailure badRequest(String why) {
        return new HttpFailure(400, why);
    }

    public int status() {
        return status;
    }

    /** The message meant for the person, safe to show. */
    public String publicMessage() {
        return getMessage();
    }
}
