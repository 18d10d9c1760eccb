package dev.streamcat.chat.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockedTermsFilterTest {
    private final BlockedTermsFilter filter = new BlockedTermsFilter(
            new BlockedTermsFilter.Policy(List.of("buy followers", "scam"), true, List.of("streamcat.dev")));

    @Test
    void deniesBlockedTermsAsWholeWords() {
        assertThat(filter.findViolation("BUY FOLLOWERS now"))
                .get()
                .extracting(BlockedTermsFilter.Violation::kind)
                .isEqualTo(BlockedTermsFilter.Violation.Kind.TERM);
        assertThat(filter.findViolation("this is a scam!")).isPresent();
        assertThat(filter.findViolation("scampi for dinner")).isEmpty();
    }

    @Test
    void deniesLinksWithOrWithoutScheme() {
        assertThat(filter.findViolation("see https://evil.example/path?x=1")).isPresent();
        assertThat(filter.findViolation("go to www.evil.com")).isPresent();
        assertThat(filter.findViolation("visit evil.co.uk today")).isPresent();
        assertThat(filter.findViolation("http://localhost:8080/")).isPresent();
    }

    @Test
    void allowsLinksToAllowedDomainsAndTheirSubdomains() {
        assertThat(filter.findViolation("docs at https://streamcat.dev/docs")).isEmpty();
        assertThat(filter.findViolation("or live.streamcat.dev")).isEmpty();
        assertThat(filter.findViolation("but not streamcat.dev.evil.com")).isPresent();
        assertThat(filter.findViolation("nor notstreamcat.dev")).isPresent();
    }

    @Test
    void ignoresTextThatIsNotALink() {
        assertThat(filter.findViolation("e.g. version 1.2.3, mail me at cat@home, 3.14"))
                .isEmpty();
        assertThat(filter.findViolation("great stream... gg")).isEmpty();
    }

    @Test
    void allowsLinksWhenLinkBlockingIsOff() {
        var termsOnly = new BlockedTermsFilter(new BlockedTermsFilter.Policy(List.of("scam"), false, List.of()));

        assertThat(termsOnly.findViolation("https://anything.example")).isEmpty();
    }

    @Test
    void reviewDeniesOrAllowsUnchanged() {
        var bad = new ReviewRequest("a scam", "AbCdEfGhIjKl", "arn", Map.of(), "1", Map.of(), "ip");
        var good = new ReviewRequest("hello", "AbCdEfGhIjKl", "arn", Map.of("k", "v"), "1", Map.of(), "ip");

        assertThat(filter.review(bad).toCompletableFuture().join()).isEqualTo(new ReviewVerdict.Deny());
        assertThat(filter.review(good).toCompletableFuture().join()).isEqualTo(good.allowUnchanged());
    }
}
