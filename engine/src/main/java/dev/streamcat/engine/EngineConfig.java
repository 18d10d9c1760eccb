package dev.streamcat.engine;

import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.resource.EngineIdentity;
import java.time.Duration;
import java.util.List;

/**
 * The engine's frozen configuration, validated by whoever builds it (the server's CLI).
 *
 * @param bindHost the address the engine's listeners bind to
 * @param httpPort the engine's HTTP listener (control API, playback, chat); 0 picks a free port
 * @param credentials the access key pairs accepted by the control API
 * @param maxClockSkew how far a signed request's time may be from the server's clock
 * @param liveVideo RTMP(S) ingest, packaging and playback settings
 */
public record EngineConfig(
        EngineIdentity identity,
        String bindHost,
        int httpPort,
        List<Credentials> credentials,
        Duration maxClockSkew,
        LiveVideoConfig liveVideo) {

    /** A configuration without an ingest listener. */
    public EngineConfig(
            EngineIdentity identity,
            String bindHost,
            int httpPort,
            List<Credentials> credentials,
            Duration maxClockSkew) {
        this(identity, bindHost, httpPort, credentials, maxClockSkew, LiveVideoConfig.disabled());
    }

    public EngineConfig {
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one control-API credential is needed");
        }
    }
}
