package dev.streamcat.chat.review;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds whole-word, case-insensitive occurrences of a fixed list of words or phrases. A "word boundary" is any
 * character that is not a letter, digit or underscore (Unicode-aware), so {@code ass} matches in {@code "you ass!"} but
 * not in {@code "class"}. Built once into a single alternation of literals (longest first), which cannot backtrack
 * catastrophically.
 *
 * <p>Immutable; thread-safe.
 */
final class WordMatcher {
    private static final String BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String BOUNDARY_AFTER = "(?![\\p{L}\\p{N}_])";

    private final Optional<Pattern> pattern;
    private final int size;

    private WordMatcher(Optional<Pattern> pattern, int size) {
        this.pattern = pattern;
        this.size = size;
    }

    /** A matcher for {@code words}; blank entries are ignored, duplicates (ignoring case) collapse. */
    static WordMatcher of(Collection<String> words) {
        var distinct = words.stream()
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        if (distinct.isEmpty()) {
            return new WordMatcher(Optional.empty(), 0);
        }
        String alternation = distinct.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        var pattern = Pattern.compile(
                BOUNDARY_BEFORE + "(?:" + alternation + ")" + BOUNDARY_AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new WordMatcher(Optional.of(pattern), distinct.size());
    }

    /** Number of distinct words. */
    int size() {
        return size;
    }

    /** The first hit, if any. */
    Optional<String> find(String text) {
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = pattern.get().matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** {@code text} with every hit replaced by {@code replacement} (taken literally). */
    String replaceAll(String text, String replacement) {
        if (pattern.isEmpty()) {
            return text;
        }
        return pattern.get().matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
