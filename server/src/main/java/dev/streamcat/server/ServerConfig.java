package dev.streamcat.server;

import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import dev.streamcat.engine.persistence.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole process configuration, validated at start-up by {@link ServeCommand} and frozen.
 *
 * @param dataDir where the embedded database, generated credentials and local files live
 * @param publicHost the host name written into ingest endpoints and playback URLs
 * @param appSecureCookies whether the app's session cookies carry {@code Secure} (behind HTTPS)
 * @param chat the chat gateway's settings (review handler mapping, filters, logging endpoints)
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
        ChatGatewayConfig chat) {

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
                ChatGatewayConfig.defaults());
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

    /** The playback base URL viewers use: the engine listener on the public host. */
    public String playbackBaseUrl(int actualEnginePort) {
        return "http://" + hostForUrl(publicHost) + ":" + actualEnginePort;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
