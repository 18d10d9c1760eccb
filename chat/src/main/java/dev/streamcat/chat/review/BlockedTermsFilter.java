package dev.streamcat.chat.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Built-in review handler {@code blocked-terms}: DENIES a message whose {@code Content} contains a blocked term (whole
 * word or phrase, case-insensitive, as {@link ProfanityCensor} matches) or, when links are blocked, a link. A link is
 * a URL with a scheme ({@code https://…}, {@code http://…}, {@code ftp://…}, {@code ws(s)://…}) or a bare domain name
 * ({@code example.com}, {@code www.example.co.uk}: dot-separated labels ending in a 2–24 letter TLD). Links whose host
 * is an allowed domain or one of its subdomains pass. Bare-domain detection is a heuristic: {@code "end.Then"} typed
 * without a space reads as a domain; operators who mind can turn link blocking off.
 *
 * <p>Immutable; thread-safe; completes synchronously.
 */
public final class BlockedTermsFilter implements MessageReviewHandler {
    private static final Pattern SCHEME_URL =
            Pattern.compile("(?i)\\b(?:https?|ftp|wss?)://(?:[^\\s/?#@]*@)?([^\\s/?#:]+)");
    private static final Pattern BARE_DOMAIN = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24})(?![\\p{L}\\p{N}_-])");

    /**
     * Filter settings: blocked terms, whether links are blocked, and the domains whose links are allowed.
     *
     * <p>Immutable; thread-safe.
     */
    public record Policy(List<String> terms, boolean blockLinks, List<String> allowedDomains) {
        public Policy {
            terms = List.copyOf(terms);
            allowedDomains = allowedDomains.stream()
                    .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                    .filter(domain -> !domain.isEmpty())
                    .toList();
        }
    }

    /** Why a message was denied. */
    public record Violation(Kind kind, String match) {
        /** What matched. */
        public enum Kind {
            TERM,
            LINK
        }

        public Violation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(match, "match");
        }
    }

    private final WordMatcher terms;
    private final boolean blockLinks;
    private final List<String> allowedDomains;

    public BlockedTermsFilter(Policy policy) {
        this.terms = WordMatcher.of(policy.terms());
        this.blockLinks = policy.blockLinks();
        this.allowedDomains = policy.allowedDomains();
    }

    /** The first reason to deny {@code content}, if any. */
    public Optional<Violation> findViolation(String content) {
        Optional<String> term = terms.find(content);
        if (term.isPresent()) {
            return Optional.of(new Violation(Violation.Kind.TERM, term.get()));
        }
        if (!blockLinks) {
            return Optional.empty();
        }
        return firstDisallowedHost(SCHEME_URL.matcher(content))
                .or(() -> firstDisallowedHost(BARE_DOMAIN.matcher(content)));
    }

    private Optional<Violation> firstDisallowedHost(Matcher matcher) {
        while (matcher.find()) {
            String host = matcher.group(1).toLowerCase(Locale.ROOT);
            if (!isAllowed(host)) {
                return Optional.of(new Violation(Violation.Kind.LINK, matcher.group()));
            }
        }
        return Optional.empty();
    }

    private boolean isAllowed(String host) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String domain : allowedDomains) {
            if (bare.equals(domain) || bare.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletionStage<ReviewVerdict> review(ReviewRequest request) {
        ReviewVerdict verdict =
                findViolation(request.content()).isPresent() ? new ReviewVerdict.Deny() : request.allowUnchanged();
        return CompletableFuture.completedFuture(verdict);
    }
}
