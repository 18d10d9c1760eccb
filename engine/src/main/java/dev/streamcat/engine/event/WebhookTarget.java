package dev.streamcat.engine.event;

import java.net.URI;

/**
 * A URL that receives every stream event as a signed JSON {@code POST}.
 *
 * @param url http or https URL
 * @param secret HMAC-SHA256 key for the {@code X-StreamCat-Signature} header
 */
public record WebhookTarget(URI url, String secret) {
    public WebhookTarget {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be http(s)://host/...: " + url);
        }
        if (secret.length() < 16) {
            throw new IllegalArgumentException("webhook secret must have at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", secret=***]";
    }
}
