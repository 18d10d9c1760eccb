package dev.streamcat.chat.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Built-in review handler {@code profanity}: like the StreamCat sample's Lambda it never denies; it replaces every
 * whole-word, case-insensitive hit of its word list in {@code Content} with the grawlix {@value #GRAWLIX} and passes
 * attributes through. Word lists are UTF-8 text, one word or phrase per line, {@code #} starts a comment line. The
 * default list ({@code profanity-en.txt} next to this class) is a short English list written for StreamCat.
 *
 * <p>Immutable; thread-safe; completes synchronously.
 */
public final class ProfanityCensor implements MessageReviewHandler {
    /** What each hit is replaced with. */
    public static final String GRAWLIX = "@#$%&!";

    private static final String DEFAULT_LIST = "profanity-en.txt";

    private final WordMatcher words;

    private ProfanityCensor(WordMatcher words) {
        this.words = words;
    }

    /** A censor for {@code words}. */
    public static ProfanityCensor of(Collection<String> words) {
        return new ProfanityCensor(WordMatcher.of(words));
    }

    /** A censor with the bundled English list. */
    public static ProfanityCensor withDefaultWords() {
        try (InputStream in = ProfanityCensor.class.getResourceAsStream(DEFAULT_LIST)) {
            Objects.requireNonNull(in, "missing resource " + DEFAULT_LIST);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return of(wordLines(reader.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_LIST, e);
        }
    }

    /** A censor with the list in {@code file}. */
    public static ProfanityCensor fromFile(Path file) throws IOException {
        return of(wordLines(Files.readAllLines(file, StandardCharsets.UTF_8)));
    }

    static List<String> wordLines(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Number of distinct words in the list. */
    public int wordCount() {
        return words.size();
    }

    /** {@code text} with every listed word replaced by the grawlix. */
    public String censor(String text) {
        return words.replaceAll(text, GRAWLIX);
    }

    @Override
    public CompletionStage<ReviewVerdict> review(ReviewRequest request) {
        return CompletableFuture.completedFuture(
                new ReviewVerdict.Allow(censor(request.content()), request.attributes()));
    }
}
