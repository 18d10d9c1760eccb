package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.SelfSignedCertificate;
import dev.streamcat.testing.TestDatabases;
import dev.streamcat.testing.netty.NettyLeakDetectionExtension;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With an RTMPS listener, a channel's {@code insecureIngest} decides whether plain RTMP is let in, as on
 * IVS: real ffmpeg publishers over RTMP and RTMPS against an engine with a self-signed certificate.
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class IngestTlsTest {
    private static EngineFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.require("ffmpeg");
        var tls = SelfSignedCertificate.createIn(Files.createTempDirectory("streamcat-rtmps-"));
        fixture = EngineFixture.on(
                TestDatabases.h2InMemory(),
                LiveVideoConfig.rtmp(0)
                        .withRtmps(new LiveVideoConfig.Rtmps(0, tls.certificateChain(), tls.privateKey())));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static CreateChannelResponse newChannel(boolean insecureIngest) {
        return fixture.engine()
                .ivs()
                .createChannel(new CreateChannelRequest(
                        null, null, "BASIC", null, null, null, insecureIngest, null, null, null, null, null));
    }

    private static String rtmpsUrl(String streamKey) {
        return "rtmps://127.0.0.1:" + fixture.engine().rtmpsPort().orElseThrow() + "/app/" + streamKey;
    }

    @Test
    void refusesPlainRtmpForAChannelWithoutInsecureIngest() throws Exception {
        CreateChannelResponse channel = newChannel(false);
        try (var ffmpeg =
                FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 3)) {
            assertThat(ffmpeg.exitCode(30)).as(ffmpeg.log()).isNotZero();
            assertThat(fixture.engine().streams().isLive(channel.channel().arn()))
                    .isFalse();
        }
    }

    @Test
    void acceptsRtmpsForAChannelWithoutInsecureIngest() throws Exception {
        CreateChannelResponse channel = newChannel(false);
        try (var ffmpeg = FfmpegPublisher.publish(rtmpsUrl(channel.streamKey().value()), 30)) {
            Poll.until(Duration.ofSeconds(20), "live over RTMPS", () -> fixture.engine()
                    .streams()
                    .isLive(channel.channel().arn()));
            assertThat(ffmpeg.alive()).isTrue();
        }
    }

    @Test
    void acceptsPlainRtmpForAChannelWithInsecureIngest() throws Exception {
        CreateChannelResponse channel = newChannel(true);
        try (var ffmpeg =
                FfmpegPublisher.publish(fixture.rtmpUrl(channel.streamKey().value()), 30)) {
            Poll.until(Duration.ofSeconds(20), "live over plain RTMP", () -> fixture.engine()
                    .streams()
                    .isLive(channel.channel().arn()));
            assertThat(ffmpeg.alive()).isTrue();
        }
    }
}
