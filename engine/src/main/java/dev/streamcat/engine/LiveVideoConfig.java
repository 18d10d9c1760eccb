package dev.streamcat.engine;

import dev.streamcat.engine.event.WebhookTarget;
import dev.streamcat.media.hls.HlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Live video settings of the engine, frozen at start-up.
 *
 * @param rtmpPort the RTMP ingest port (0 picks a free one); empty: no ingest listener
 * @param rtmps the RTMPS listener, when a certificate is configured
 * @param hls packaging (part and segment targets, playlist window)
 * @param viewerWindow a viewer counts while it fetched the media playlist within this window
 * @param endedRetention how long an ended stream's playlist and media stay servable
 * @param webhooks URLs that receive every stream event, signed
 * @param readPacing whether publishing connections pace their reads to the part boundaries ({@code
 *     RtmpServer.Builder#readPacing})
 */
public record LiveVideoConfig(
        OptionalInt rtmpPort,
        Optional<Rtmps> rtmps,
        HlsConfig hls,
        Duration viewerWindow,
        Duration endedRetention,
        List<WebhookTarget> webhooks,
        boolean readPacing) {

    /**
     * An RTMPS listener.
     *
     * @param certificateChain PEM certificate chain
     * @param privateKey PEM PKCS#8 private key
     */
    public record Rtmps(int port, Path certificateChain, Path privateKey) {}

    public LiveVideoConfig {
        webhooks = List.copyOf(webhooks);
        if (rtmps.isPresent() && rtmpPort.isEmpty()) {
            throw new IllegalArgumentException("RTMPS needs the RTMP ingest enabled");
        }
        if (viewerWindow.isNegative() || viewerWindow.isZero() || endedRetention.isNegative()) {
            throw new IllegalArgumentException("viewerWindow must be positive and endedRetention not negative");
        }
    }

    /** No ingest listener: playback and stream operations answer as for offline channels. */
    public static LiveVideoConfig disabled() {
        return new LiveVideoConfig(
                OptionalInt.empty(), Optional.empty(), HlsConfig.defaults(), VIEWER_WINDOW, RETAIN, List.of(), true);
    }

    /** RTMP ingest on {@code port} with default packaging. */
    public static LiveVideoConfig rtmp(int port) {
        return new LiveVideoConfig(
                OptionalInt.of(port), Optional.empty(), HlsConfig.defaults(), VIEWER_WINDOW, RETAIN, List.of(), true);
    }

    public LiveVideoConfig withRtmps(Rtmps tls) {
        return new LiveVideoConfig(rtmpPort, Optional.of(tls), hls, viewerWindow, endedRetention, webhooks, readPacing);
    }

    public LiveVideoConfig withHls(HlsConfig config) {
        return new LiveVideoConfig(rtmpPort, rtmps, config, viewerWindow, endedRetention, webhooks, readPacing);
    }

    public LiveVideoConfig withWebhooks(List<WebhookTarget> targets) {
        return new LiveVideoConfig(rtmpPort, rtmps, hls, viewerWindow, endedRetention, targets, readPacing);
    }

    /** Turns the RTMP read pacing (on by default, {@code RtmpServer.Builder#readPacing}) on or off. */
    public LiveVideoConfig withReadPacing(boolean on) {
        return new LiveVideoConfig(rtmpPort, rtmps, hls, viewerWindow, endedRetention, webhooks, on);
    }

    private static final Duration VIEWER_WINDOW = Duration.ofSeconds(15);
    private static final Duration RETAIN = Duration.ofSeconds(60);
}
