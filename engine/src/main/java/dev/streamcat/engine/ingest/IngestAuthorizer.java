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
 * <p>Threading: {@link #authorize} is called on a Netty event loop and returns at once; the database
 * lookups run on {@code blocking}, which completes the stage.
 */
final class IngestAuthorizer implements PublishAuthorizer {
    private final IvsService ivs;
    private final StreamRegistry registry;
    private final Executor blocking;

    IngestAuthorizer(IvsService ivs, StreamRegistry registry, Executor blocking) {
        this.ivs = ivs;
        this.registry = registry;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<PublishDecision> authorize(PublishRequest request) {
        return CompletableFuture.supplyAsync(() -> decide(request.streamKey()), blocking);
    }

    private PublishDecision decide(String streamKey) {
        Optional<Channel> channel = ivs.channelArnOfStreamKey(streamKey).flatMap(this::channel);
        if (channel.isEmpty()) {
            return PublishDecision.unknownKey();
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
