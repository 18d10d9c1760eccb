package dev.streamcat.app;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The app's configuration, built once by the server from its validated options, then frozen.
 *
 * @param ingestUrl the RTMP server URL shown to streamers, e.g. {@code rtmp://host:1935/app/}
 * @param playbackBaseUrl the engine's public HTTP origin (playback), e.g. {@code http://host:8081}
 * @param chatUrl the engine's public chat WebSocket URL, e.g. {@code ws://host:8081}
 * @param secureCookies mark the session cookie {@code Secure} (and {@code __Host-}); on behind https
 * @param trustProxyHeaders take the client address from {@code X-Forwarded-For} (and the scheme and host
 *     from {@code X-Forwarded-Proto}/{@code -Host}); only behind a reverse proxy that sets them
 * @param sessionTtl how long a signed-in session lasts
 */
public record AppConfig(
        String bindHost,
        int port,
        String region,
        String accountId,
        String ingestUrl,
        String playbackBaseUrl,
        String chatUrl,
        Database database,
        boolean secureCookies,
        boolean trustProxyHeaders,
        Duration sessionTtl,
        int workerThreads) {

    /** Where the app keeps its tables: the same database as the engine, its own pool and tables. */
    public record Database(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize) {
        @Override
        public String toString() {
            return "Database[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    public AppConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("app port out of range: " + port);
        }
        URI.create(playbackBaseUrl);
        URI.create(chatUrl);
        if (!ingestUrl.endsWith("/")) {
            throw new IllegalArgumentException("ingestUrl must end with '/': " + ingestUrl);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be positive");
        }
    }

    /** The ARN of the built-in profanity review handler, in the shape of an AWS Lambda ARN. */
    public String profanityHandlerArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:streamcat-profanity";
    }

    /** The engine origins the browser may connect to (CSP {@code connect-src}/{@code media-src}). */
    String engineOrigins() {
        return origin(playbackBaseUrl) + " " + origin(chatUrl);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AppConfig}; defaults: port 8080, 14-day sessions, 16 workers, no secure cookies. */
    public static final class Builder {
        private String bindHost = "0.0.0.0";
        private int port = 8080;
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private String ingestUrl = "rtmp://localhost:1935/app/";
        private String playbackBaseUrl = "http://localhost:8081";
        private String chatUrl = "ws://localhost:8081";
        private @Nullable Database database;
        private boolean secureCookies;
        private boolean trustProxyHeaders;
        private Duration sessionTtl = Duration.ofDays(14);
        private int workerThreads = 16;

        public Builder bindHost(String v) {
            bindHost = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder accountId(String v) {
            accountId = v;
            return this;
        }

        public Builder ingestUrl(String v) {
            ingestUrl = v;
            return this;
        }

        public Builder playbackBaseUrl(String v) {
            playbackBaseUrl = v;
            return this;
        }

        public Builder chatUrl(String v) {
            chatUrl = v;
            return this;
        }

        public Builder secureCookies(boolean v) {
            secureCookies = v;
            return this;
        }

        public Builder trustProxyHeaders(boolean v) {
            trustProxyHeaders = v;
            return this;
        }

        public Builder sessionTtl(Duration v) {
            sessionTtl = v;
            return this;
        }

        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        public Builder database(String jdbcUrl, @Nullable String user, @Nullable String password, int maxPoolSize) {
            database = new Database(jdbcUrl, Optional.ofNullable(user), Optional.ofNullable(password), maxPoolSize);
            return this;
        }

        public AppConfig build() {
            if (database == null) {
                throw new IllegalStateException("database not set");
            }
            return new AppConfig(
                    bindHost,
                    port,
                    region,
                    accountId,
                    ingestUrl,
                    playbackBaseUrl,
                    chatUrl,
                    database,
                    secureCookies,
                    trustProxyHeaders,
                    sessionTtl,
                    workerThreads);
        }
    }
}
