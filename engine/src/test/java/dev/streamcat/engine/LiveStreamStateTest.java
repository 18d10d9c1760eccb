package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.api.ChannelNotBroadcastingException;
import dev.streamcat.api.ConflictException;
import dev.streamcat.api.ValidationException;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.api.ivs.DeleteChannelRequest;
import dev.streamcat.api.ivs.GetStreamRequest;
import dev.streamcat.api.ivs.GetStreamSessionRequest;
import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivs.ListStreamSessionsRequest;
import dev.streamcat.api.ivs.ListStreamsRequest;
import dev.streamcat.api.ivs.PutMetadataRequest;
import dev.streamcat.api.ivs.StopStreamRequest;
import dev.streamcat.api.ivs.Stream;
import dev.streamcat.api.ivs.StreamEvent;
import dev.streamcat.api.ivs.StreamFilters;
import dev.streamcat.api.ivs.StreamSession;
import dev.streamcat.api.ivs.UpdateChannelRequest;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stream state through the IVS API while a real ffmpeg broadcasts: streams, sessions, metadata, stop. */
@ExtendWith(NettyLeakDetectionExtension.class)
class LiveStreamStateTest {
    private static EngineFixture fixture;

    @BeforeAll
    static void start() {
        ExternalTools.require("ffmpeg");
        fixture = EngineFixture.on(TestDatabases.h2InMemory(), LiveVideoConfig.rtmp(0));
        LiveIngestTest.fixtureOverride(fixture);
    }

    @AfterAll
    static void stop() {
        LiveIngestTest.fixtureOverride(null);
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Ivs ivs() {
        return fixture.engine().ivs();
    }

    private static LiveStream awaitLive(String arn) throws Exception {
        Poll.until(
                Duration.ofSeconds(20),
                "stream live",
                () -> fixture.engine().streams().live(arn).isPresent());
        LiveStream live = fixture.engine().streams().live(arn).orElseThrow();
        Poll.until(Duration.ofSeconds(20), "stream start", live::started);
        return live;
    }

    @Test
    void reportsTheLiveStreamAndRefusesChangesToALiveChannel() throws Exception {
        CreateChannelResponse channel = LiveIngestTest.newChannel();
        String arn = channel.channel().arn();
        assertThatThrownBy(() -> ivs().getStream(new GetStreamRequest(arn)))
                .isInstanceOf(ChannelNotBroadcastingException.class);
        assertThatThrownBy(() -> ivs().putMetadata(new PutMetadataRequest(arn, "hello")))
                .isInstanceOf(ChannelNotBroadcastingException.class);
        try (var ffmpeg =
                FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 60)) {
            LiveStream live = awaitLive(arn);
            String playlist = fixture.endpoint()
                    + URI.create(channel.channel().playbackUrl()).getPath();
            String media = playlist.substring(0, playlist.length() - 5) + "/" + live.streamId() + "/media.m3u8";
            HttpResponse<String> fetched = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(media)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fetched.statusCode()).isEqualTo(200);

            Stream stream = ivs().getStream(new GetStreamRequest(arn)).stream();
            assertThat(stream.streamId()).isEqualTo(live.streamId());
            assertThat(stream.state()).isEqualTo("LIVE");
            assertThat(stream.playbackUrl()).isEqualTo(channel.channel().playbackUrl());
            assertThat(stream.viewerCount()).isEqualTo(1);
            assertThat(ivs().listStreams(new ListStreamsRequest(null, null, null))
                            .streams())
                    .anySatisfy(s -> assertThat(s.streamId()).isEqualTo(live.streamId()));
            assertThat(ivs().listStreams(new ListStreamsRequest(new StreamFilters("STARVING"), null, null))
                            .streams())
                    .noneSatisfy(s -> assertThat(s.channelArn()).isEqualTo(arn));

            ivs().putMetadata(new PutMetadataRequest(arn, "{\"question\":\"cats or dogs?\"}"));
            assertThatThrownBy(() -> ivs().putMetadata(new PutMetadataRequest(arn, "x".repeat(1025))))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ivs().deleteChannel(new DeleteChannelRequest(arn)))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> ivs().updateChannel(new UpdateChannelRequest(
                            arn, "renamed", null, null, null, null, null, null, null, null, null, null)))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void stopStreamCutsTheEncoderAndTheSessionKeepsWhatWasIngested() throws Exception {
        CreateChannelResponse channel = LiveIngestTest.newChannel();
        String arn = channel.channel().arn();
        LiveStream live;
        try (var ffmpeg =
                FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 60)) {
            live = awaitLive(arn);
            Thread.sleep(2_500); // let the meter measure rates
            ivs().stopStream(new StopStreamRequest(arn));
            assertThat(ffmpeg.exitCode(15)).as("ffmpeg cut by StopStream").isNotZero();
        }
        Poll.until(Duration.ofSeconds(10), "stream ended", () -> !live.live());
        assertThatThrownBy(() -> ivs().stopStream(new StopStreamRequest(arn)))
                .isInstanceOf(ChannelNotBroadcastingException.class);

        Poll.until(
                Duration.ofSeconds(10),
                "session ended",
                () -> ivs().getStreamSession(new GetStreamSessionRequest(arn, null))
                                .streamSession()
                                .endTime()
                        != null);
        StreamSession session =
                ivs().getStreamSession(new GetStreamSessionRequest(arn, null)).streamSession();
        assertThat(session.streamId()).isEqualTo(live.streamId()).hasSize(26);
        assertThat(session.channel().arn()).isEqualTo(arn);
        var video = session.ingestConfiguration().video();
        assertThat(video.codec()).startsWith("avc1.");
        assertThat(video.videoWidth()).isEqualTo(640);
        assertThat(video.videoHeight()).isEqualTo(360);
        assertThat(video.targetFramerate()).isBetween(29L, 31L);
        assertThat(video.targetBitrate()).isBetween(100_000L, 3_000_000L);
        assertThat(video.avcProfile()).isNotEmpty();
        assertThat(video.encoder()).contains("Lavf");
        var audio = session.ingestConfiguration().audio();
        assertThat(audio.codec()).isEqualTo("mp4a.40.2");
        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.targetBitrate()).isBetween(30_000L, 200_000L);
        assertThat(session.ingestConfigurations().videoConfigurations()).containsExactly(video);
        assertThat(session.truncatedEvents())
                .extracting(StreamEvent::name)
                .containsSubsequence("Session Created", "Stream Start", "Stream End", "Session Ended");

        var sessions = ivs().listStreamSessions(new ListStreamSessionsRequest(arn, null, null))
                .streamSessions();
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.streamId()).isEqualTo(live.streamId());
            assertThat(s.hasErrorEvent()).isFalse();
        });
    }
}
