package dev.streamcat.chat.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewHandlerResolverTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ProfanityCensor profanity = ProfanityCensor.of(List.of("darn"));
    private final BlockedTermsFilter blocked =
            new BlockedTermsFilter(new BlockedTermsFilter.Policy(List.of("scam"), true, List.of()));
    private final ReviewHandlerResolver resolver = new ReviewHandlerResolver(
            client,
            new ReviewHandlerResolver.Config(
                    Map.of("moderate", "https://hooks.example/review", "custom-censor", "profanity"),
                    Optional.empty(),
                    Duration.ofMillis(200)),
            ReviewBounds.defaults(),
            profanity,
            blocked);

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void resolvesNothingForAnEmptyUri() {
        assertThat(resolver.resolve("")).isEmpty();
    }

    @Test
    void mapsDefaultFunctionNamesToBuiltIns() {
        assertThat(resolver.resolve("arn:aws:lambda:us-west-2:123456789012:function:streamcat-profanity"))
                .containsSame(profanity);
        assertThat(resolver.resolve("arn:aws:lambda:us-west-2:123456789012:function:profanity"))
                .containsSame(profanity);
        assertThat(resolver.resolve("arn:aws:lambda:eu-west-1:123456789012:function:streamcat-blocked-terms"))
                .containsSame(blocked);
    }

    @Test
    void mapsConfiguredFunctionsIncludingQualifiedOnes() {
        assertThat(resolver.resolve("arn:aws:lambda:us-west-2:123456789012:function:custom-censor"))
                .containsSame(profanity);
        assertThat(resolver.resolve("arn:aws:lambda:us-west-2:123456789012:function:moderate:live"))
                .get()
                .isInstanceOfSatisfying(WebhookReviewHandler.class, webhook -> assertThat(webhook.endpoint())
                        .isEqualTo(URI.create("https://hooks.example/review")));
    }

    @Test
    void treatsHttpUrisAsWebhooks() {
        assertThat(resolver.resolve("http://127.0.0.1:9000/hook")).get().isInstanceOf(WebhookReviewHandler.class);
    }

    @Test
    void resolvesUnknownFunctionsToAFailingHandlerSoTheFallbackApplies() {
        MessageReviewHandler unknown = resolver.resolve("arn:aws:lambda:us-west-2:123456789012:function:nope")
                .orElseThrow();
        MessageReviewer reviewer = MessageReviewer.of(unknown, FallbackResult.DENY);

        assertThat(unknown.review(MessageReviewerTest.REQUEST).toCompletableFuture())
                .isCompletedExceptionally();
        assertThat(reviewer.review(MessageReviewerTest.REQUEST, 500)
                        .toCompletableFuture()
                        .join())
                .isEqualTo(new ReviewVerdict.Deny());
        assertThat(resolver.resolve("ftp://nope")).get().isNotInstanceOf(WebhookReviewHandler.class);
    }
}
