package dev.streamcat.engine.api;

import java.util.function.Function;

/**
 * One control-API operation: its service (SigV4 signing name), request shape, implementation and
 * success status. A {@code null}-returning call (void operations) yields an empty body.
 */
record Operation<Q>(String service, Class<Q> requestType, Function<Q, Object> call, int successStatus) {

    static <Q> Operation<Q> of(String service, Class<Q> type, Function<Q, Object> call) {
        return new Operation<>(service, type, call, 200);
    }

    /** An operation without a response body: {@code status} is 200 with {@code {}} or 204 with nothing. */
    static <Q> Operation<Q> empty(String service, Class<Q> type, java.util.function.Consumer<Q> call, int status) {
        return new Operation<>(
                service,
                type,
                q -> {
                    call.accept(q);
                    return EMPTY;
                },
                status);
    }

    /** Marker for an empty response. */
    static final Object EMPTY = new Object();

    Object invoke(Object request) {
        return call.apply(requestType.cast(request));
    }
}
