package dev.streamcat.rtmp;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client may publish under a stream key. Implemented by the engine.
 *
 * <p>Threading: {@link #authorize} is called on the connection's Netty event loop and must not block;
 * the returned stage may complete on any thread (the session hops back to its event loop). While it is
 * pending, the connection stops reading and queues at most {@link RtmpLimits#maxPendingBytes()} of
 * already decoded messages; a stage that does not complete within {@link
 * RtmpLimits#authorizationTimeout()} or completes exceptionally refuses the publish with {@link
 * RtmpStatus#PUBLISH_DENIED}.
 *
 * <p>The server itself refuses a second publisher of an {@code app/streamKey} that is live on the same
 * {@link RtmpServer} before calling the authorizer; an engine with several servers or nodes must check
 * that itself.
 */
@FunctionalInterface
public interface PublishAuthorizer {

    CompletionStage<PublishDecision> authorize(PublishRequest request);
}
