package dev.streamcat.server;

import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import dev.streamcat.engine.persistence.DatabaseConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole process configuration, validated at start-up by {@link ServeCommand} and frozen.
 *
 * @param dataDir where the embedded database, generated credentials and local files live
 * @param publicHost the host name written into ingest endpoints and playback URLs
 * @param appSecureCookies whether the app's session cookies carry {@code Secure} (behind HTTPS)
 * @param appTrustProxyHeaders whether the app takes client addresses from {@code X-Forwarded-For}
 * @param publicEngineUrl the engine's public origin when it is not {@code http://<publicHost>:<enginePort>}
 *     (e.g. {@code https://video.example.com} behind a TLS proxy): playback URLs and the chat URL use it
 * @param chat the chat gateway's settings (review handler mapping, filters, logging endpoints)
 * @param rtmpReadPacing whether RTMP publishers' reads are paced to the part boundaries ({@code --rtmp-read-pacing})
 */
public record ServerConfig(
        Path dataDir,
        String bindHost,
        int appPort,
        int enginePort,
        int rtmpPort,
        String region,
        String accountId,
        String publicHost,
        DatabaseConfig database,
        Optional<AccessKeys> accessKeys,
        Duration maxClockSkew,
        Optional<Rtmps> rtmps,
        boolean appSecureCookies,
        boolean appTrustProxyHeaders,
        Optional<URI> publicEngineUrl,
        ChatGatewayConfig chat,
        boolean rtmpReadPacing) {

    /** A configuration without RTMPS, with plain-HTTP cookies and the default chat settings. */
    public ServerConfig(
            Path dataDir,
            String bindHost,
            int appPort,
            int enginePort,
            int rtmpPort,
            String region,
            String accountId,
            String publicHost,
            DatabaseConfig database,
            Optional<AccessKeys> accessKeys,
            Duration maxClockSkew) {
        this(
                dataDir,
                bindHost,
                appPort,
                enginePort,
                rtmpPort,
                region,
                accountId,
                publicHost,
                database,
                accessKeys,
                maxClockSkew,
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                ChatGatewayConfig.defaults(),
                true);
    }

    /** The RTMPS listener: its port and PEM certificate chain and PKCS#8 private key. */
    public record Rtmps(int port, Path certificateChain, Path privateKey) {}

    /** Control-API credentials given in the environment. */
    public record AccessKeys(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "AccessKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }

    /** The playback base URL viewers use: the public engine URL, or the engine listener on the public host. */
    public String playbackBaseUrl(int actualEnginePort) {
        return publicEngineUrl
                .map(u -> u.toString().replaceAll("/+$", ""))
                .orElseGet(() -> "http://" + hostForUrl(publicHost) + ":" + actualEnginePort);
    }

    /** The chat WebSocket URL clients use: {@code ws://} or {@code wss://} on the playback origin. */
    public String chatUrl(int actualEnginePort) {
        return playbackBaseUrl(actualEnginePort).replaceFirst("^http", "ws");
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
