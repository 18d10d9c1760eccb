package dev.streamcat.chat.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a room's {@code messageReviewHandler.uri} to a handler.
 *
 * <ul>
 *   <li>{@code ""} (no handler): empty;
 *   <li>{@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}: {@code <name>} (with qualifier first,
 *       then without) is looked up in the configured function map, whose targets are an {@code http(s)://} webhook URL
 *       or a built-in name ({@value #PROFANITY}, {@value #BLOCKED_TERMS}); by default {@code streamcat-profanity} and
 *       {@code profanity} map to the profanity censor and {@code streamcat-blocked-terms} to the blocked-terms filter;
 *   <li>{@code http://…}, {@code https://…}: a webhook directly.
 * </ul>
 *
 * <p>An unknown function or a malformed URI resolves to a handler that always fails, so the room's fallback applies
 * (as on AWS when the Lambda cannot be invoked), with a warning in the log.
 *
 * <p>Thread-safe; immutable after construction.
 */
public final class ReviewHandlerResolver {
    /** Built-in profanity censor name. */
    public static final String PROFANITY = "profanity";
    /** Built-in blocked-terms filter name. */
    public static final String BLOCKED_TERMS = "blocked-terms";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewHandlerResolver.class);
    private static final Pattern LAMBDA_ARN = Pattern.compile("^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:(.+)$");

    /**
     * Resolver configuration: function name → webhook URL or built-in name (merged over the defaults), the optional
     * webhook signing secret and the webhook HTTP timeout.
     *
     * <p>Immutable; thread-safe.
     */
    public record Config(Map<String, String> functions, Optional<String> webhookSecret, Duration webhookTimeout) {
        public Config {
            functions = Map.copyOf(functions);
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        }

        /** Only the default function names, unsigned webhooks, the IVS 200 ms deadline as HTTP timeout. */
        public static Config defaults() {
            return new Config(Map.of(), Optional.empty(), MessageReviewer.IVS_DEADLINE);
        }
    }

    private final HttpClient client;
    private final Config config;
    private final ReviewBounds bounds;
    private final Map<String, String> functions;
    private final Map<String, MessageReviewHandler> builtIns;

    public ReviewHandlerResolver(
            HttpClient client,
            Config config,
            ReviewBounds bounds,
            ProfanityCensor profanity,
            BlockedTermsFilter blockedTerms) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        var merged = new HashMap<String, String>();
        merged.put("streamcat-profanity", PROFANITY);
        merged.put(PROFANITY, PROFANITY);
        merged.put("streamcat-blocked-terms", BLOCKED_TERMS);
        merged.putAll(config.functions());
        this.functions = Map.copyOf(merged);
        this.builtIns = Map.of(PROFANITY, profanity, BLOCKED_TERMS, blockedTerms);
    }

    /** The handler for {@code uri}; empty when the room has no handler ({@code uri} blank). */
    public Optional<MessageReviewHandler> resolve(String uri) {
        String trimmed = uri.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return Optional.of(webhook(trimmed));
        }
        Matcher arn = LAMBDA_ARN.matcher(trimmed);
        if (!arn.matches()) {
            return Optional.of(unresolved(trimmed, "not a Lambda ARN or http(s) URL"));
        }
        String function = arn.group(1);
        String target = functions.get(function);
        if (target == null && function.contains(":")) {
            target = functions.get(function.substring(0, function.indexOf(':')));
        }
        if (target == null) {
            return Optional.of(unresolved(trimmed, "no mapping for function " + function));
        }
        MessageReviewHandler builtIn = builtIns.get(target);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return Optional.of(webhook(target));
        }
        return Optional.of(unresolved(trimmed, "unknown target " + target));
    }

    private MessageReviewHandler webhook(String url) {
        try {
            return new WebhookReviewHandler(
                    client, URI.create(url), config.webhookSecret(), config.webhookTimeout(), bounds);
        } catch (IllegalArgumentException e) {
            return unresolved(url, "malformed URL");
        }
    }

    private static MessageReviewHandler unresolved(String uri, String why) {
        LOG.warn("Message review handler {} cannot be resolved ({}); the room's fallbackResult applies", uri, why);
        var failure = new IllegalStateException("unresolved review handler " + uri + ": " + why);
        return request -> CompletableFuture.failedFuture(failure);
    }
}
