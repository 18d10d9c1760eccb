package dev.streamcat.engine;

import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import dev.streamcat.engine.resource.EngineIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The engine's frozen configuration, validated by whoever builds it (the server's CLI).
 *
 * @param bindHost the address the engine's listeners bind to
 * @param httpPort the engine's HTTP listener (control API, playback, chat); 0 picks a free port
 * @param credentials the access key pairs accepted by the control API
 * @param maxClockSkew how far a signed request's time may be from the server's clock
 * @param dataDir where the engine keeps files (chat logs under {@code chat-logs/})
 * @param liveVideo RTMP(S) ingest, packaging and playback settings
 * @param chat the chat gateway's settings
 */
public record EngineConfig(
        EngineIdentity identity,
        String bindHost,
        int httpPort,
        List<Credentials> credentials,
        Duration maxClockSkew,
        Path dataDir,
        LiveVideoConfig liveVideo,
        ChatGatewayConfig chat) {
    public EngineConfig {
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one control-API credential is needed");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(liveVideo, "liveVideo");
        Objects.requireNonNull(chat, "chat");
    }

    /** A configuration without an ingest listener and with the default chat gateway settings. */
    public EngineConfig(
            EngineIdentity identity,
            String bindHost,
            int httpPort,
            List<Credentials> credentials,
            Duration maxClockSkew,
            Path dataDir) {
        this(
                identity,
                bindHost,
                httpPort,
                credentials,
                maxClockSkew,
                dataDir,
                LiveVideoConfig.disabled(),
                ChatGatewayConfig.defaults());
    }
}
