package dev.streamcat.rtmp.internal.session;

import static dev.streamcat.rtmp.internal.ClientWire.audio;
import static dev.streamcat.rtmp.internal.ClientWire.connect;
import static dev.streamcat.rtmp.internal.ClientWire.encode;
import static dev.streamcat.rtmp.internal.ClientWire.publishSequence;
import static dev.streamcat.rtmp.internal.ClientWire.replies;
import static dev.streamcat.rtmp.internal.ClientWire.statusCodes;
import static dev.streamcat.rtmp.internal.ClientWire.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.CloseReason;
import dev.streamcat.rtmp.CodecPolicy;
import dev.streamcat.rtmp.PublishAuthorizer;
import dev.streamcat.rtmp.PublishDecision;
import dev.streamcat.rtmp.PublishRequest;
import dev.streamcat.rtmp.RecordingSink;
import dev.streamcat.rtmp.RtmpLimits;
import dev.streamcat.rtmp.internal.chunk.ChunkDecoder;
import dev.streamcat.rtmp.internal.chunk.ChunkEncoder;
import dev.streamcat.rtmp.internal.message.MessageDecoder;
import dev.streamcat.rtmp.internal.message.MessageEncoder;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakDetectionExtension.class)
class PublishSessionHandlerTest {

    private final PublisherRegistry registry = new PublisherRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final List<PublishRequest> requests = new ArrayList<>();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private PublishAuthorizer authorizer = request -> {
        requests.add(request);
        return CompletableFuture.completedFuture(
                request.streamKey().equals("good") ? PublishDecision.accept(sink) : PublishDecision.unknownKey());
    };

    private EmbeddedChannel server() {
        var config = new SessionConfig(
                "app",
                r -> authorizer.authorize(r),
                RtmpLimits.defaults(),
                CodecPolicy.defaults(),
                registry,
                false,
                true);
        var channel = new EmbeddedChannel(
                new ChunkEncoder(),
                ChunkDecoder.of(RtmpLimits.defaults()),
                new MessageEncoder(),
                new MessageDecoder(),
                new PublishSessionHandler(config));
        channels.add(channel);
        return channel;
    }

    @AfterEach
    void closeChannels() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private static List<String> send(EmbeddedChannel channel, RtmpMessage... messages) {
        channel.writeInbound(encode(messages));
        channel.runPendingTasks();
        return statusCodes(replies(channel));
    }

    private EmbeddedChannel publishing(String key) {
        EmbeddedChannel channel = server();
        send(channel, connect("app"));
        send(channel, publishSequence(key));
        return channel;
    }

    @Test
    void acceptsPublishAndRepliesLikeFlashMediaServer() {
        EmbeddedChannel channel = server();

        assertThat(send(channel, connect("app"))).containsExactly("_result:NetConnection.Connect.Success");
        assertThat(send(channel, publishSequence("good?token=abc")))
                .containsExactly("onFCPublish:NetStream.Publish.Start", "onStatus:NetStream.Publish.Start");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.app()).isEqualTo("app");
            assertThat(r.streamKey()).isEqualTo("good");
            assertThat(r.query()).isEqualTo("token=abc");
            assertThat(r.tcUrl()).isEqualTo("rtmp://127.0.0.1:1935/app");
        });
        assertThat(sink.started).isCompleted();
    }

    @Test
    void passesMetadataAndMediaToTheSink() {
        EmbeddedChannel channel = publishing("good");
        var meta = new LinkedHashMap<String, Object>();
        meta.put("width", 640.0);

        send(
                channel,
                new RtmpMessage.Data(0, 1, List.of("@setDataFrame", "onMetaData", meta)),
                video(0, 0x17, 0, 0, 0, 0, 1),
                audio(0, 0xAF, 0, 0x12, 0x10),
                video(33, 0x27, 1, 0, 0, 0, 2));

        assertThat(sink.metadata).containsExactly(meta);
        assertThat(sink.tags)
                .extracting(RecordingSink.Tag::kind, RecordingSink.Tag::timestamp)
                .containsExactly(tuple("video", 0L), tuple("audio", 0L), tuple("video", 33L));
    }

    @Test
    void acceptsEnhancedRtmpHevcAndAv1() {
        EmbeddedChannel channel = publishing("good");

        send(channel, video(0, 0x90, 'h', 'v', 'c', '1', 1), video(0, 0x91, 'a', 'v', '0', '1', 2));

        assertThat(sink.tags("video")).hasSize(2);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void refusesUnsupportedLegacyCodecWithStatusAndCloses() {
        EmbeddedChannel channel = publishing("good");

        assertThat(send(channel, video(0, 0x12, 0))).containsExactly("onStatus:NetStream.Failed");

        assertThat(channel.isOpen()).isFalse();
        assertThat(sink.closed).isCompletedWithValueMatching(r -> r instanceof CloseReason.UnsupportedCodec);
        assertThat(registry.size()).isZero();
    }

    @Test
    void refusesUnknownEnhancedRtmpFourCcAndMp3ByDefault() {
        EmbeddedChannel vp9 = publishing("good");
        assertThat(send(vp9, video(0, 0x90, 'v', 'p', '0', '9'))).containsExactly("onStatus:NetStream.Failed");

        RecordingSink second = new RecordingSink();
        authorizer = r -> CompletableFuture.completedFuture(PublishDecision.accept(second));
        EmbeddedChannel mp3 = publishing("other");
        assertThat(send(mp3, audio(0, 0x2F, 1))).containsExactly("onStatus:NetStream.Failed");
        assertThat(second.closed).isCompletedWithValue(new CloseReason.UnsupportedCodec("MP3 (tag header 0x2f)"));
    }

    @Test
    void rejectsUnknownStreamKeyWithBadNameAndCloses() {
        EmbeddedChannel channel = server();
        send(channel, connect("app"));

        assertThat(send(channel, publishSequence("wrong"))).contains("onStatus:NetStream.Publish.BadName");
        assertThat(channel.isOpen()).isFalse();
        assertThat(registry.size()).isZero();
    }

    @Test
    void rejectsSecondPublisherOfALiveKeyWithoutAskingTheAuthorizer() {
        publishing("good");
        EmbeddedChannel second = server();
        send(second, connect("app"));

        assertThat(send(second, publishSequence("good"))).contains("onStatus:NetStream.Publish.BadName");
        assertThat(requests).hasSize(1);
        assertThat(second.isOpen()).isFalse();
    }

    @Test
    void rejectsUnknownApplication() {
        EmbeddedChannel channel = server();

        assertThat(send(channel, connect("live"))).containsExactly("_error:NetConnection.Connect.InvalidApp");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void queuesMessagesWhileAuthorizationIsPendingThenDeliversThemInOrder() {
        var decision = new CompletableFuture<PublishDecision>();
        authorizer = r -> decision;
        EmbeddedChannel channel = publishing("good");

        send(channel, video(0, 0x17, 0, 1), audio(5, 0xAF, 1, 2));
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(sink.tags).isEmpty();

        decision.complete(PublishDecision.accept(sink));
        channel.runPendingTasks();

        assertThat(sink.tags).extracting(RecordingSink.Tag::kind).containsExactly("video", "audio");
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(statusCodes(replies(channel))).containsExactly("onStatus:NetStream.Publish.Start");
    }

    @Test
    void deniesWhenAuthorizationTimesOutAndClosesALateAcceptedSink() {
        var decision = new CompletableFuture<PublishDecision>();
        authorizer = r -> decision;
        EmbeddedChannel channel = publishing("good");

        channel.advanceTimeBy(11, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(statusCodes(replies(channel))).containsExactly("onStatus:NetStream.Publish.Denied");
        assertThat(channel.isOpen()).isFalse();

        decision.complete(PublishDecision.accept(sink));
        channel.runPendingTasks();
        assertThat(sink.started).isNotDone();
        assertThat(sink.closed).isCompletedWithValue(new CloseReason.Disconnected());
    }

    @Test
    void unpublishEndsThePublishAndFreesTheKey() {
        EmbeddedChannel channel = publishing("good");

        send(channel, new RtmpMessage.Command(0, "FCUnpublish", 6, List.of(AmfNull.NULL, "good")));

        assertThat(sink.closed).isCompletedWithValue(new CloseReason.Unpublished());
        assertThat(registry.size()).isZero();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void handleCloseStopsThePublisher() throws Exception {
        EmbeddedChannel channel = publishing("good");
        var handle = sink.started.get();

        handle.close();
        channel.runPendingTasks();

        assertThat(statusCodes(replies(channel))).containsExactly("onStatus:NetStream.Unpublish.Success");
        assertThat(channel.isOpen()).isFalse();
        assertThat(handle.isActive()).isFalse();
        assertThat(sink.closed).isCompletedWithValue(new CloseReason.Stopped());
    }

    @Test
    void disconnectEndsThePublish() {
        EmbeddedChannel channel = publishing("good");

        channel.close();

        assertThat(sink.closed).isCompletedWithValue(new CloseReason.Disconnected());
        assertThat(registry.size()).isZero();
    }

    @Test
    void answersPingRequests() {
        EmbeddedChannel channel = server();
        channel.writeInbound(encode(new RtmpMessage.PingRequest(1234)));

        assertThat(replies(channel)).containsExactly(new RtmpMessage.PingResponse(1234));
    }

    @Test
    void closesOnCommandsBeforeConnect() {
        EmbeddedChannel channel = server();

        send(channel, publishSequence("good"));

        assertThat(channel.isOpen()).isFalse();
        assertThat(requests).isEmpty();
    }
}
