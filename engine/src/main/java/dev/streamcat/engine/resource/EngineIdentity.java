package dev.streamcat.engine.resource;

/**
 * Where this engine says it is: the region and account id written into ARNs, and the public host
 * and ports written into ingest endpoints and playback URLs. Immutable.
 *
 * @param playbackBaseUrl scheme, host and port of the engine's HTTP listener as viewers reach it,
 *     without a trailing slash, e.g. {@code http://live.example.com:8081}
 */
public record EngineIdentity(String region, String accountId, String publicHost, String playbackBaseUrl) {

    public Arn arn(String service, String resourceType, String id) {
        return new Arn(service, region, accountId, resourceType, id);
    }

    /** True when the ARN names a resource of this engine's region and account. */
    public boolean owns(Arn arn) {
        return arn.region().equals(region) && arn.accountId().equals(accountId);
    }
}
