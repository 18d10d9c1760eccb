package dev.streamcat.engine.ingest;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ivs.Channel;
import dev.streamcat.api.ivs.GetChannelRequest;
import dev.streamcat.engine.channel.IvsService;
import dev.streamcat.engine.stream.StreamRegistry;
import dev.streamcat.rtmp.PublishAuthorizer;
import dev.streamcat.rtmp.PublishDecision;
import dev.streamcat.rtmp.PublishRequest;
import dev.streamcat.rtmp.RtmpStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Checks a stream key against the channels' keys and opens the channel's stream: unknown or deleted
 * keys get {@code NetStream.Publish.BadName}; a channel that is already live (possibly through
 * another key) gets {@code BadName} "Already publishing", as nginx-rtmp answers.
 *
 * <p>When the server also listens for RTMPS, plain RTMP is accepted only for channels whose {@code
 * insecureIngest} is true, as on IVS; others get {@code NetStream.Publish.Denied}. Without an RTMPS
 * listener plain RTMP is the only way in, and every channel accepts it.
 *
 * <p>Threading: {@link #authorize} is called on a Netty event loop and returns at once; the database
 * lookups run on {@code blocking}, which completes the stage.
 */
final class IngestAuthorizer implements PublishAuthorizer {
    private final IvsService ivs;
    private final StreamRegistry registry;
    private final Executor blocking;
    private final boolean tlsListening;

    IngestAuthorizer(IvsService ivs, StreamRegistry registry, Executor blocking, boolean tlsListening) {
        this.ivs = ivs;
        this.registry = registry;
        this.blocking = blocking;
        this.tlsListening = tlsListening;
    }

    @Override
    public CompletionStage<PublishDecision> authorize(PublishRequest request) {
        return CompletableFuture.supplyAsync(() -> decide(request), blocking);
    }

    private PublishDecision decide(PublishRequest request) {
        Optional<Channel> channel =
                ivs.channelArnOfStreamKey(request.streamKey()).flatMap(this::channel);
        if (channel.isEmpty()) {
            return PublishDecision.unknownKey();
        }
        if (tlsListening && !request.secure() && !channel.get().insecureIngest()) {
            return new PublishDecision.Rejected(
                    RtmpStatus.PUBLISH_DENIED, "This channel accepts RTMPS only (insecureIngest is false)");
        }
        return registry.open(channel.get())
                .<PublishDecision>map(stream -> PublishDecision.accept(new IngestSink(stream, registry)))
                .orElseGet(() -> new PublishDecision.Rejected(RtmpStatus.PUBLISH_BAD_NAME, "Already publishing"));
    }

    private Optional<Channel> channel(String arn) {
        try {
            return Optional.of(ivs.getChannel(new GetChannelRequest(arn)).channel());
        } catch (ResourceNotFoundException e) {
            return Optional.empty(); // deleted between the key lookup and now
        }
    }
}
