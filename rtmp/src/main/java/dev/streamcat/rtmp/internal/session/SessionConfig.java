package dev.streamcat.rtmp.internal.session;

import dev.streamcat.rtmp.CodecPolicy;
import dev.streamcat.rtmp.PublishAuthorizer;
import dev.streamcat.rtmp.RtmpLimits;

/**
 * What every session of one listener shares. Immutable; the registry inside is thread-safe.
 *
 * @param application the application name publishers must connect to (e.g. {@code app})
 * @param secure whether the listener is TLS (RTMPS)
 * @param readPacing whether publishing connections pace their reads ({@link ReadPacer})
 */
public record SessionConfig(
        String application,
        PublishAuthorizer authorizer,
        RtmpLimits limits,
        CodecPolicy codecPolicy,
        PublisherRegistry registry,
        boolean secure,
        boolean readPacing) {

    public SessionConfig withSecure(boolean tls) {
        return new SessionConfig(application, authorizer, limits, codecPolicy, registry, tls, readPacing);
    }
}
