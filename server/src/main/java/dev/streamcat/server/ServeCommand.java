package dev.streamcat.server;

import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import dev.streamcat.engine.persistence.DatabaseConfig;
import dev.streamcat.engine.storage.S3Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamcat serve}: validates the configuration, then runs the engine (and the app, once it
 * exists) until SIGTERM/SIGINT. Every option is also an environment variable ({@code
 * STREAMCAT_<OPTION>}) and a key of the optional configuration file.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start StreamCat (engine and app) in one process.",
        sortOptions = false)
public final class ServeCommand implements Callable<Integer> {
    static final Set<String> OPTION_NAMES = Set.of(
            "data-dir",
            "bind-host",
            "app-port",
            "engine-port",
            "rtmp-port",
            "rtmps-port",
            "rtmps-cert",
            "rtmps-key",
            "rtmp-read-pacing",
            "region",
            "account-id",
            "public-host",
            "public-engine-url",
            "database-url",
            "database-user",
            "database-password",
            "max-clock-skew-seconds",
            "app-secure-cookies",
            "app-trust-proxy-headers",
            "chat-review-functions",
            "chat-review-secret",
            "chat-profanity-words",
            "chat-blocked-terms",
            "chat-block-links",
            "chat-allowed-link-domains",
            "chat-history",
            "chat-allowed-origins",
            "chat-firehose-endpoints",
            "chat-firehose-access-key",
            "s3-endpoint",
            "s3-region",
            "s3-access-key-id",
            "s3-secret-access-key",
            "s3-path-style",
            "chat-fanout-interval");

    @Option(
            names = "--config",
            description =
                    "Optional configuration file (Java properties: data-dir=..., engine-port=...). Env: STREAMCAT_CONFIG.")
    String config;

    @Option(
            names = "--data-dir",
            defaultValue = "./data",
            description = "Data directory (embedded database, credentials, local files). Default: ${DEFAULT-VALUE}.")
    String dataDir;

    @Option(
            names = "--bind-host",
            defaultValue = "0.0.0.0",
            description = "Address the listeners bind to. Default: ${DEFAULT-VALUE}.")
    String bindHost;

    @Option(names = "--app-port", defaultValue = "8080", description = "Web app port. Default: ${DEFAULT-VALUE}.")
    String appPort;

    @Option(
            names = "--engine-port",
            defaultValue = "8081",
            description = "Engine HTTP port: control API, playback, chat. Default: ${DEFAULT-VALUE}.")
    String enginePort;

    @Option(names = "--rtmp-port", defaultValue = "1935", description = "RTMP ingest port. Default: ${DEFAULT-VALUE}.")
    String rtmpPort;

    @Option(
            names = "--rtmps-port",
            defaultValue = "1936",
            description =
                    "RTMPS ingest port, used when --rtmps-cert and --rtmps-key are set. Default: ${DEFAULT-VALUE}.")
    String rtmpsPort;

    @Option(
            names = "--rtmps-cert",
            defaultValue = "",
            description = "PEM certificate chain for RTMPS; RTMPS is off without it.")
    String rtmpsCert;

    @Option(names = "--rtmps-key", defaultValue = "", description = "PEM (PKCS#8) private key for RTMPS.")
    String rtmpsKey;

    @Option(
            names = "--rtmp-read-pacing",
            defaultValue = "true",
            description = "Read a publisher's bytes in batches timed to the part boundaries (Linux epoll only),"
                    + " instead of one wake-up per message; parts are published at the same moment."
                    + " Default: ${DEFAULT-VALUE}.")
    String rtmpReadPacing;

    @Option(
            names = "--region",
            defaultValue = "us-east-1",
            description = "Region written into ARNs and expected in SigV4 scopes. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(
            names = "--account-id",
            defaultValue = "000000000000",
            description = "12-digit account id written into ARNs. Default: ${DEFAULT-VALUE}.")
    String accountId;

    @Option(
            names = "--public-host",
            defaultValue = "localhost",
            description = "Host name put into ingest endpoints and playback URLs. Default: ${DEFAULT-VALUE}.")
    String publicHost;

    @Option(
            names = "--public-engine-url",
            defaultValue = "",
            description = "Public origin of the engine (playback URLs, chat) when it differs from"
                    + " http://<public-host>:<engine-port>, e.g. https://video.example.com behind a TLS proxy.")
    String publicEngineUrl;

    @Option(
            names = "--database-url",
            defaultValue = "",
            description = "JDBC URL; default: an H2 file in the data dir. A jdbc:postgresql: URL selects PostgreSQL.")
    String databaseUrl;

    @Option(
            names = "--database-user",
            defaultValue = "",
            description = "Database user (optional; may also be in the URL).")
    String databaseUser;

    @Option(
            names = "--database-password",
            defaultValue = "",
            description = "Database password (optional; may also be in the URL).")
    String databasePassword;

    @Option(
            names = "--max-clock-skew-seconds",
            defaultValue = "300",
            description =
                    "Largest accepted difference between a signed request's time and the server's clock. Default: ${DEFAULT-VALUE}.")
    String maxClockSkewSeconds;

    @Option(
            names = "--app-secure-cookies",
            defaultValue = "false",
            description =
                    "Mark the app's session cookies Secure (set when users reach the app over HTTPS). Default: ${DEFAULT-VALUE}.")
    String appSecureCookies;

    @Option(
            names = "--app-trust-proxy-headers",
            defaultValue = "false",
            description = "Take the client address from X-Forwarded-For (login rate limit); set only behind a"
                    + " reverse proxy that sets it. Default: ${DEFAULT-VALUE}.")
    String appTrustProxyHeaders;

    @Option(
            names = "--chat-review-functions",
            defaultValue = "",
            description =
                    "Lambda function names of messageReviewHandler.uri mapped to handlers: name=https://hook,name2=profanity,name3=blocked-terms.")
    String chatReviewFunctions;

    @Option(
            names = "--chat-review-secret",
            defaultValue = "",
            description = "HMAC-SHA256 secret signing review webhook requests (X-StreamCat-Signature-256).")
    String chatReviewSecret;

    @Option(
            names = "--chat-profanity-words",
            defaultValue = "",
            description =
                    "Word list file of the built-in profanity censor (one word or phrase a line); default: the bundled English list.")
    String chatProfanityWords;

    @Option(
            names = "--chat-blocked-terms",
            defaultValue = "",
            description = "Terms the built-in blocked-terms filter denies, comma-separated.")
    String chatBlockedTerms;

    @Option(
            names = "--chat-block-links",
            defaultValue = "true",
            description = "Whether the blocked-terms filter denies links. Default: ${DEFAULT-VALUE}.")
    String chatBlockLinks;

    @Option(
            names = "--chat-allowed-link-domains",
            defaultValue = "",
            description = "Domains (and their subdomains) links may point to, comma-separated.")
    String chatAllowedLinkDomains;

    @Option(
            names = "--chat-history",
            defaultValue = "0",
            description = "Recent messages replayed to late joiners (0 = none, as IVS). Default: ${DEFAULT-VALUE}.")
    String chatHistory;

    @Option(
            names = "--chat-fanout-interval",
            defaultValue = "0",
            description = "Milliseconds a room's broadcast messages wait, at least, to be written together, one write "
                    + "per connection (0-100; 0 = at once: under load each write carries several anyway). "
                    + "Default: ${DEFAULT-VALUE}.")
    String chatFanoutInterval;

    @Option(
            names = "--chat-allowed-origins",
            defaultValue = "",
            description =
                    "Origins allowed to open chat WebSockets, comma-separated; empty = any (the token is the credential).")
    String chatAllowedOrigins;

    @Option(
            names = "--chat-firehose-endpoints",
            defaultValue = "",
            description =
                    "HTTP endpoints for firehose chat logging: deliveryStreamName=https://...,*=https://fallback.")
    String chatFirehoseEndpoints;

    @Option(
            names = "--chat-firehose-access-key",
            defaultValue = "",
            description = "Access key sent to the Firehose HTTP endpoints (X-Amz-Firehose-Access-Key).")
    String chatFirehoseAccessKey;

    @Option(
            names = "--s3-endpoint",
            defaultValue = "",
            description =
                    "S3-compatible endpoint (http(s)://host:port) that s3 chat-logging destinations upload to; empty = local disk.")
    String s3Endpoint;

    @Option(
            names = "--s3-region",
            defaultValue = "",
            description = "Region requests to --s3-endpoint are signed for; default: --region.")
    String s3Region;

    @Option(
            names = "--s3-access-key-id",
            defaultValue = "",
            description =
                    "Access key id for --s3-endpoint; empty = the AWS default chain (AWS_ACCESS_KEY_ID, profiles, roles).")
    String s3AccessKeyId;

    @Option(
            names = "--s3-secret-access-key",
            defaultValue = "",
            description = "Secret access key for --s3-endpoint (prefer the environment variable).")
    String s3SecretAccessKey;

    @Option(
            names = "--s3-path-style",
            defaultValue = "true",
            description =
                    "Address buckets in the path (http://host/bucket/key) instead of the host name. Default: ${DEFAULT-VALUE}.")
    String s3PathStyle;

    private final java.util.Map<String, String> env;

    public ServeCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ServerConfig config = toConfig();
        StreamCatServer.runUntilSignalled(config);
        return 0;
    }

    /** Validates every option; the first bad one stops start-up with a message naming it. */
    ServerConfig toConfig() {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        int app = port("--app-port", appPort);
        int engine = port("--engine-port", enginePort);
        int rtmp = port("--rtmp-port", rtmpPort);
        if (app != 0 && (app == engine || app == rtmp) || engine != 0 && engine == rtmp) {
            throw bad(
                    "--engine-port",
                    "the app, engine and RTMP ports must differ (" + app + ", " + engine + ", " + rtmp + ")");
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw bad("--region", "must look like an AWS region, e.g. us-east-1 (got '" + region + "')");
        }
        if (!accountId.matches("[0-9]{12}")) {
            throw bad("--account-id", "must be exactly 12 digits (got '" + accountId + "')");
        }
        if (publicHost.isBlank() || !publicHost.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw bad("--public-host", "must be a host name or IP address (got '" + publicHost + "')");
        }
        if (bindHost.isBlank()) {
            throw bad("--bind-host", "must not be empty");
        }
        long skew;
        try {
            skew = Long.parseLong(maxClockSkewSeconds.trim());
        } catch (NumberFormatException e) {
            skew = -1;
        }
        if (skew < 1 || skew > 3600) {
            throw bad("--max-clock-skew-seconds", "must be between 1 and 3600 (got '" + maxClockSkewSeconds + "')");
        }
        String url = databaseUrl.isBlank()
                ? "jdbc:h2:file:" + data.resolve("streamcat") + ";DB_CLOSE_ON_EXIT=FALSE"
                : databaseUrl.trim();
        DatabaseConfig database;
        try {
            database = new DatabaseConfig(url, blankToNull(databaseUser), blankToNull(databasePassword), 10);
        } catch (IllegalArgumentException e) {
            throw bad("--database-url", e.getMessage());
        }
        ChatGatewayConfig chat = ChatOptions.parse(new ChatOptions.Raw(
                chatReviewFunctions,
                chatReviewSecret,
                chatProfanityWords,
                chatBlockedTerms,
                chatBlockLinks.trim(),
                chatAllowedLinkDomains,
                chatHistory,
                chatAllowedOrigins,
                chatFirehoseEndpoints,
                chatFirehoseAccessKey,
                chatFanoutInterval));
        Optional<S3Endpoint> s3 = s3Endpoint();
        return new ServerConfig(
                data,
                bindHost,
                app,
                engine,
                rtmp,
                region,
                accountId,
                publicHost,
                database,
                accessKeys(),
                Duration.ofSeconds(skew),
                rtmps(List.of(app, engine, rtmp)),
                bool("--app-secure-cookies", appSecureCookies),
                bool("--app-trust-proxy-headers", appTrustProxyHeaders),
                publicEngineUrl(),
                s3.map(chat::withS3).orElse(chat),
                bool("--rtmp-read-pacing", rtmpReadPacing));
    }

    /** The S3-compatible endpoint, when {@code --s3-endpoint} is set; the other {@code --s3-*} options need it. */
    private Optional<S3Endpoint> s3Endpoint() {
        String id = s3AccessKeyId.trim();
        String secret = s3SecretAccessKey.trim();
        if (s3Endpoint.isBlank()) {
            if (!id.isEmpty() || !secret.isEmpty() || !s3Region.isBlank()) {
                throw bad("--s3-endpoint", "must be set when --s3-region or S3 credentials are given");
            }
            return Optional.empty();
        }
        if (id.isEmpty() != secret.isEmpty()) {
            throw bad("--s3-access-key-id", "--s3-access-key-id and --s3-secret-access-key must be set together");
        }
        Optional<S3Endpoint.Credentials> credentials =
                id.isEmpty() ? Optional.empty() : Optional.of(new S3Endpoint.Credentials(id, secret));
        String signingRegion = s3Region.isBlank() ? region : s3Region.trim();
        boolean pathStyle = bool("--s3-path-style", s3PathStyle);
        URI url;
        try {
            url = S3Endpoint.parseUrl(s3Endpoint);
        } catch (IllegalArgumentException e) {
            throw bad("--s3-endpoint", e.getMessage());
        }
        try {
            return Optional.of(new S3Endpoint(url, signingRegion, credentials, pathStyle));
        } catch (IllegalArgumentException e) {
            throw bad("--s3-region", e.getMessage());
        }
    }

    private Optional<URI> publicEngineUrl() {
        if (publicEngineUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(publicEngineUrl.trim());
        } catch (URISyntaxException e) {
            throw bad("--public-engine-url", "not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || uri.getUserInfo() != null
                || !(uri.getPath() == null
                        || uri.getPath().isEmpty()
                        || uri.getPath().equals("/"))) {
            throw bad(
                    "--public-engine-url",
                    "must be an http:// or https:// origin such as https://video.example.com (got '" + publicEngineUrl
                            + "')");
        }
        return Optional.of(uri);
    }

    private Optional<ServerConfig.Rtmps> rtmps(List<Integer> otherPorts) {
        if (rtmpsCert.isBlank() && rtmpsKey.isBlank()) {
            return Optional.empty();
        }
        if (rtmpsCert.isBlank() || rtmpsKey.isBlank()) {
            throw bad("--rtmps-cert", "--rtmps-cert and --rtmps-key must be set together");
        }
        int port = port("--rtmps-port", rtmpsPort);
        if (port != 0 && otherPorts.contains(port)) {
            throw bad("--rtmps-port", "must differ from the app, engine and RTMP ports (got " + port + ")");
        }
        return Optional.of(
                new ServerConfig.Rtmps(port, readable("--rtmps-cert", rtmpsCert), readable("--rtmps-key", rtmpsKey)));
    }

    private static Path readable(String option, String file) {
        Path path = Path.of(file.trim()).toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw bad(option, "cannot read " + path);
        }
        return path;
    }

    private Optional<ServerConfig.AccessKeys> accessKeys() {
        String id = env.getOrDefault("STREAMCAT_ACCESS_KEY_ID", "").trim();
        String secret = env.getOrDefault("STREAMCAT_SECRET_ACCESS_KEY", "").trim();
        if (id.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (id.isEmpty() || secret.isEmpty()) {
            throw new ConfigurationException(
                    "STREAMCAT_ACCESS_KEY_ID and STREAMCAT_SECRET_ACCESS_KEY must be set together (or neither, to generate a pair)");
        }
        if (!id.matches("[A-Z0-9]{16,128}")) {
            throw new ConfigurationException("STREAMCAT_ACCESS_KEY_ID: must be 16-128 characters of A-Z and 0-9");
        }
        if (secret.length() < 16 || secret.length() > 128) {
            throw new ConfigurationException("STREAMCAT_SECRET_ACCESS_KEY: must be 16-128 characters");
        }
        return Optional.of(new ServerConfig.AccessKeys(id, secret));
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(option, "must be a port number 0-65535 (got '" + value + "')");
    }

    private static boolean bool(String option, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(option, "must be true or false (got '" + value + "')");
        };
    }

    static ConfigurationException bad(String option, String problem) {
        return new ConfigurationException(option + " (" + EnvironmentDefaults.variable(option) + "): " + problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
