package dev.streamcat.engine.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An S3-compatible endpoint: its base URL ({@code http(s)://host[:port]}, no path), the region requests are signed for,
 * static credentials (when absent, the AWS SDK's default chain: {@code AWS_ACCESS_KEY_ID}/{@code
 * AWS_SECRET_ACCESS_KEY}, profiles, container and instance roles) and whether buckets are addressed in the path
 * ({@code http://host/bucket/key}, what most self-hosted servers need) rather than in the host name.
 *
 * <p>Immutable; thread-safe.
 */
public record S3Endpoint(URI url, String region, Optional<Credentials> credentials, boolean pathStyle) {
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public S3Endpoint {
        checkUrl(Objects.requireNonNull(url, "url"));
        Objects.requireNonNull(region, "region");
        if (region.length() > 64 || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1 (got '" + region + "')");
        }
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Parses and checks an endpoint URL; the exception's message says what is wrong with it. */
    public static URI parseUrl(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("must be an http:// or https:// URL (got '" + trimmed + "')");
        }
        try {
            return checkUrl(new URI(text.trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getMessage());
        }
    }

    private static URI checkUrl(URI url) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("must be an http:// or https:// URL (got '" + url + "')");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("has no host (got '" + url + "')");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials in the URL (got '" + redact(url) + "')");
        }
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")
                || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "must be a base URL without path, query or fragment, e.g. http://127.0.0.1:9000 (got '" + url
                            + "')");
        }
        return url;
    }

    private static String redact(URI url) {
        return url.getScheme() + "://***@" + url.getHost();
    }

    /**
     * A static access key pair; {@link #toString()} hides the secret.
     *
     * <p>Immutable; thread-safe.
     */
    public record Credentials(String accessKeyId, String secretAccessKey) {
        public Credentials {
            if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("the access key id and the secret access key must not be empty");
            }
        }

        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }
}
