package dev.streamcat.chat.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfanityCensorTest {
    private final ProfanityCensor censor = ProfanityCensor.of(List.of("darn", "heck", "son of a gun"));

    @Test
    void replacesWholeWordsCaseInsensitivelyWithTheGrawlix() {
        assertThat(censor.censor("Darn it, HECK! darn.")).isEqualTo("@#$%&! it, @#$%&!! @#$%&!.");
    }

    @Test
    void leavesWordsThatOnlyContainAListedWord() {
        assertThat(censor.censor("darnation heckle undarn darn_it darn2"))
                .isEqualTo("darnation heckle undarn darn_it darn2");
    }

    @Test
    void matchesPhrasesAndUnicodeNeighbours() {
        assertThat(censor.censor("you son of a gun")).isEqualTo("you @#$%&!");
        assertThat(censor.censor("édarn darné 🐱darn🐱")).isEqualTo("édarn darné 🐱@#$%&!🐱");
    }

    @Test
    void neverDeniesAndKeepsAttributes() {
        var request = new ReviewRequest("what the heck", "AbCdEfGhIjKl", "arn", Map.of("a", "b"), "1", Map.of(), "ip");

        assertThat(censor.review(request).toCompletableFuture().join())
                .isEqualTo(new ReviewVerdict.Allow("what the @#$%&!", Map.of("a", "b")));
    }

    @Test
    void shipsADefaultEnglishList() {
        ProfanityCensor defaults = ProfanityCensor.withDefaultWords();

        assertThat(defaults.wordCount()).isGreaterThan(30);
        assertThat(defaults.censor("Well SHIT, class assessment")).isEqualTo("Well @#$%&!, class assessment");
    }

    @Test
    void loadsAWordListFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "# comment\n\n  blast  \nfiddlesticks\n");

        ProfanityCensor fromFile = ProfanityCensor.fromFile(file);

        assertThat(fromFile.wordCount()).isEqualTo(2);
        assertThat(fromFile.censor("Blast! fiddlesticks. comment")).isEqualTo("@#$%&!! @#$%&!. comment");
    }
}
