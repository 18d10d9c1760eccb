package dev.streamcat.server;

import dev.streamcat.chat.review.BlockedTermsFilter;
import dev.streamcat.chat.review.ReviewHandlerResolver;
import dev.streamcat.chat.room.RoomSettings;
import dev.streamcat.engine.chatgateway.ChatGatewayConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code --chat-*} options into the chat gateway's configuration, naming the option in
 * every error. Stateless.
 */
final class ChatOptions {
    private ChatOptions() {}

    /** The raw option values, as given. */
    record Raw(
            String reviewFunctions,
            String reviewSecret,
            String profanityWords,
            String blockedTerms,
            String blockLinks,
            String allowedLinkDomains,
            String history,
            String allowedOrigins,
            String firehoseEndpoints,
            String firehoseAccessKey,
            String fanoutInterval) {}

    static ChatGatewayConfig parse(Raw raw) {
        ChatGatewayConfig defaults = ChatGatewayConfig.defaults();
        Map<String, String> functions = new LinkedHashMap<>();
        for (Map.Entry<String, String> e :
                pairs("--chat-review-functions", raw.reviewFunctions()).entrySet()) {
            String target = e.getValue();
            boolean builtIn = target.equals(ReviewHandlerResolver.PROFANITY)
                    || target.equals(ReviewHandlerResolver.BLOCKED_TERMS);
            if (!builtIn && !target.matches("https?://\\S+")) {
                throw ServeCommand.bad(
                        "--chat-review-functions",
                        "'" + e.getKey() + "' must map to an http(s):// URL, '"
                                + ReviewHandlerResolver.PROFANITY + "' or '" + ReviewHandlerResolver.BLOCKED_TERMS
                                + "' (got '"
                                + target + "')");
            }
            functions.put(e.getKey(), target);
        }
        Optional<String> secret = raw.reviewSecret().isBlank() ? Optional.empty() : Optional.of(raw.reviewSecret());
        ReviewHandlerResolver.Config review = new ReviewHandlerResolver.Config(
                functions, secret, defaults.review().webhookTimeout());
        Optional<Path> words = Optional.empty();
        if (!raw.profanityWords().isBlank()) {
            Path path = Path.of(raw.profanityWords().trim()).toAbsolutePath().normalize();
            if (!Files.isReadable(path)) {
                throw ServeCommand.bad("--chat-profanity-words", "cannot read " + path);
            }
            words = Optional.of(path);
        }
        if (!raw.blockLinks().equals("true") && !raw.blockLinks().equals("false")) {
            throw ServeCommand.bad("--chat-block-links", "must be true or false (got '" + raw.blockLinks() + "')");
        }
        BlockedTermsFilter.Policy blocked = new BlockedTermsFilter.Policy(
                list(raw.blockedTerms()), Boolean.parseBoolean(raw.blockLinks()), list(raw.allowedLinkDomains()));
        int history;
        try {
            history = Integer.parseInt(raw.history().trim());
        } catch (NumberFormatException e) {
            history = -1;
        }
        if (history < 0 || history > RoomSettings.MAX_HISTORY) {
            throw ServeCommand.bad(
                    "--chat-history", "must be 0-" + RoomSettings.MAX_HISTORY + " (got '" + raw.history() + "')");
        }
        Map<String, URI> streams = new LinkedHashMap<>();
        Optional<URI> fallback = Optional.empty();
        for (Map.Entry<String, String> e :
                pairs("--chat-firehose-endpoints", raw.firehoseEndpoints()).entrySet()) {
            if (!e.getValue().matches("https?://\\S+")) {
                throw ServeCommand.bad(
                        "--chat-firehose-endpoints", "'" + e.getKey() + "' must map to an http(s):// URL");
            }
            if (e.getKey().equals("*")) fallback = Optional.of(URI.create(e.getValue()));
            else streams.put(e.getKey(), URI.create(e.getValue()));
        }
        long fanoutMillis;
        try {
            fanoutMillis = Long.parseLong(raw.fanoutInterval().trim());
        } catch (NumberFormatException e) {
            fanoutMillis = -1;
        }
        long maxFanout = ChatGatewayConfig.MAX_FANOUT_INTERVAL.toMillis();
        if (fanoutMillis < 0 || fanoutMillis > maxFanout) {
            throw ServeCommand.bad(
                    "--chat-fanout-interval",
                    "must be 0-" + maxFanout + " milliseconds (got '" + raw.fanoutInterval() + "')");
        }
        Optional<String> firehoseKey =
                raw.firehoseAccessKey().isBlank() ? Optional.empty() : Optional.of(raw.firehoseAccessKey());
        return new ChatGatewayConfig(
                defaults.maxFrameBytes(),
                defaults.maxQueuedFrames(),
                defaults.maxQueuedBytes(),
                defaults.pingInterval(),
                list(raw.allowedOrigins()),
                history,
                review,
                words,
                blocked,
                new ChatGatewayConfig.FirehoseEndpoints(streams, fallback, firehoseKey),
                Optional.empty(),
                Duration.ofMillis(fanoutMillis));
    }

    /** {@code a=b,c=d} (whitespace around items ignored). */
    private static Map<String, String> pairs(String option, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : list(text)) {
            int eq = item.indexOf('=');
            if (eq < 1 || eq == item.length() - 1) {
                throw ServeCommand.bad(option, "items look like name=value, separated by commas (got '" + item + "')");
            }
            pairs.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
