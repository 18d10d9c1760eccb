package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RTMP ingest wired to the channels: real ffmpeg publishers against the real engine. */
@ExtendWith(NettyLeakDetectionExtension.class)
class LiveIngestTest {
    private static EngineFixture fixture;

    @BeforeAll
    static void start() {
        ExternalTools.require("ffmpeg");
        fixture = EngineFixture.on(TestDatabases.h2InMemory(), LiveVideoConfig.rtmp(0));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static EngineFixture shared;

    /** Lets other live tests create channels on their own engine. */
    static void fixtureOverride(EngineFixture other) {
        shared = other;
    }

    static CreateChannelResponse newChannel() {
        return (shared != null ? shared : fixture)
                .engine()
                .ivs()
                .createChannel(new CreateChannelRequest(
                        null, null, "BASIC", null, null, null, null, null, null, null, null, null));
    }

    private static LiveStream awaitLive(String channelArn) throws Exception {
        Poll.until(
                Duration.ofSeconds(20),
                "condition",
                () -> fixture.engine().streams().live(channelArn).isPresent());
        LiveStream stream = fixture.engine().streams().live(channelArn).orElseThrow();
        Poll.until(Duration.ofSeconds(20), "condition", () -> stream.playlist()
                .snapshot()
                .ready());
        return stream;
    }

    @Test
    void publishesWithTheChannelKeyAndEndsThePlaylistWhenTheEncoderStops() throws Exception {
        CreateChannelResponse channel = newChannel();
        try (var ffmpeg =
                FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 3)) {
            LiveStream stream = awaitLive(channel.channel().arn());
            assertThat(stream.streamId()).startsWith("st-").hasSize(26);
            assertThat(fixture.engine().streams().isLive(channel.channel().arn()))
                    .isTrue();

            assertThat(ffmpeg.exitCode(30)).as(ffmpeg.log()).isZero();
            Poll.until(Duration.ofSeconds(10), "condition", () -> !stream.live());
            assertThat(fixture.engine().streams().isLive(channel.channel().arn()))
                    .isFalse();
            assertThat(stream.playlist().snapshot().ended()).isTrue();
            assertThat(stream.ingestConfiguration().video().codec()).startsWith("avc1.");
            assertThat(stream.ingestConfiguration().audio().sampleRate()).isEqualTo(48_000);
        }
    }

    @Test
    void rejectsAnUnknownStreamKey() throws Exception {
        try (var ffmpeg = FfmpegPublisher.publish(fixture.rtmpUrl("sk_us-west-2_nope_nope"), 5)) {
            assertThat(ffmpeg.exitCode(30)).isNotZero();
        }
    }

    @Test
    void rejectsASecondPublisherWhileTheChannelIsLive() throws Exception {
        CreateChannelResponse channel = newChannel();
        String url = fixture.rtmpUrl(channel.streamKey().value());
        try (var first = FfmpegPublisher.publish(url, 30)) {
            LiveStream stream = awaitLive(channel.channel().arn());
            try (var second = FfmpegPublisher.publish(url, 5)) {
                assertThat(second.exitCode(30)).isNotZero();
            }
            assertThat(first.alive()).isTrue();
            assertThat(fixture.engine().streams().live(channel.channel().arn())).contains(stream);
        }
    }

    @Test
    void aReconnectingPublisherStartsANewStream() throws Exception {
        CreateChannelResponse channel = newChannel();
        String arn = channel.channel().arn();
        String url = fixture.rtmpUrl(channel.streamKey().value());
        LiveStream first;
        try (var ffmpeg = FfmpegPublisher.publish(url, 30)) {
            first = awaitLive(arn);
        }
        Poll.until(Duration.ofSeconds(10), "condition", () -> !first.live());
        assertThat(first.playlist().snapshot().ended()).isTrue();
        try (var ffmpeg = FfmpegPublisher.publish(url, 30)) {
            LiveStream second = awaitLive(arn);
            assertThat(second.streamId()).isNotEqualTo(first.streamId());
            assertThat(second.playlist().snapshot().ended()).isFalse();
            assertThat(fixture.engine().streams().stream(first.streamId())).contains(first);
        }
    }
}
