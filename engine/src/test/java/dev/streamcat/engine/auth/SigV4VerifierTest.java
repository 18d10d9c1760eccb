package dev.streamcat.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {
    private static final Credentials KEYS = new Credentials("SCAKTESTTESTTEST0001", "test-secret-test-secret-0001");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final SigV4Verifier verifier = new SigV4Verifier(
            id -> id.equals(KEYS.accessKeyId()) ? Optional.of(KEYS) : Optional.empty(),
            "us-west-2",
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5));

    private static SignedRequest request(String path, String query, String body, Instant time) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:8081"));
        headers.put("content-type", List.of("application/json"));
        headers.put("x-amz-date", List.of(SigV4Verifier.amzDate(time)));
        return new SignedRequest("POST", path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequest signed(
            SignedRequest r, Credentials keys, String region, String service, Instant time) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        String authorization = SigV4Verifier.authorization(r, keys, region, service, time);
        headers.put("authorization", List.of(authorization));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    @Test
    void matchesTheAwsSignatureTestSuiteVanillaRequest() {
        // aws-sig-v4-test-suite "get-vanilla": GET / with Host and X-Amz-Date only.
        Credentials example = new Credentials("AKIDEXAMPLEAKIDEXAM", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        Instant time = Instant.parse("2015-08-30T12:36:00Z");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("example.amazonaws.com"));
        headers.put("x-amz-date", List.of("20150830T123600Z"));
        String authorization = SigV4Verifier.authorization(
                new SignedRequest("GET", "/", "", headers, new byte[0]), example, "us-east-1", "service", time);
        assertThat(authorization)
                .endsWith("Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void acceptsACorrectSignature() {
        SignedRequest r = signed(request("/CreateChannel", "", "{\"name\":\"a\"}", NOW), KEYS, "us-west-2", "ivs", NOW);
        assertThat(verifier.verify(r, "ivs")).isEqualTo(KEYS.accessKeyId());
    }

    @Test
    void canonicalisesEncodedPathsAndRepeatedQueryParametersLikeTheSdks() {
        String path = "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdEFGH1234";
        SignedRequest r = signed(request(path, "tagKeys=b&tagKeys=a%20c", "", NOW), KEYS, "us-west-2", "ivs", NOW);
        assertThat(verifier.verify(r, "ivs")).isEqualTo(KEYS.accessKeyId());
        assertThat(SigV4Verifier.canonicalPath(path))
                .isEqualTo("/tags/arn%253Aaws%253Aivs%253Aus-west-2%253A123456789012%253Achannel%252FabcdEFGH1234");
        assertThat(SigV4Verifier.canonicalQuery("tagKeys=b&tagKeys=a%20c&A=1"))
                .isEqualTo("A=1&tagKeys=a%20c&tagKeys=b");
    }

    @Test
    void rejectsATamperedBody() {
        SignedRequest r = signed(request("/CreateChannel", "", "{\"name\":\"a\"}", NOW), KEYS, "us-west-2", "ivs", NOW);
        SignedRequest tampered = new SignedRequest(
                r.method(),
                r.rawPath(),
                r.rawQuery(),
                r.headers(),
                "{\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(tampered, "ivs"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
                    assertThat(e.httpStatus()).isEqualTo(403);
                })
                .hasMessageContaining("does not match");
    }

    @Test
    void rejectsAWrongSecret() {
        Credentials wrong = new Credentials(KEYS.accessKeyId(), "another-secret-another-secret");
        SignedRequest r = signed(request("/ListRooms", "", "{}", NOW), wrong, "us-west-2", "ivschat", NOW);
        assertThatThrownBy(() -> verifier.verify(r, "ivschat")).hasMessageContaining("does not match");
    }

    @Test
    void rejectsExpiredAndFutureSignatures() {
        Instant old = NOW.minus(Duration.ofMinutes(6));
        SignedRequest expired = signed(request("/ListChannels", "", "{}", old), KEYS, "us-west-2", "ivs", old);
        assertThatThrownBy(() -> verifier.verify(expired, "ivs"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.errorType())
                        .isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("Signature expired: 20261125T115400Z is now earlier than 20261125T115500Z");
        Instant later = NOW.plus(Duration.ofMinutes(6));
        SignedRequest future = signed(request("/ListChannels", "", "{}", later), KEYS, "us-west-2", "ivs", later);
        assertThatThrownBy(() -> verifier.verify(future, "ivs")).hasMessageStartingWith("Signature not yet current");
        Instant skewed = NOW.minus(Duration.ofMinutes(4));
        assertThat(verifier.verify(
                        signed(request("/ListChannels", "", "{}", skewed), KEYS, "us-west-2", "ivs", skewed), "ivs"))
                .isEqualTo(KEYS.accessKeyId());
    }

    @Test
    void rejectsTheWrongServiceAndRegion() {
        SignedRequest forChat = signed(request("/CreateChannel", "", "{}", NOW), KEYS, "us-west-2", "ivschat", NOW);
        assertThatThrownBy(() -> verifier.verify(forChat, "ivs"))
                .hasMessage("Credential should be scoped to correct service: 'ivs'.");
        SignedRequest otherRegion = signed(request("/CreateChannel", "", "{}", NOW), KEYS, "eu-west-1", "ivs", NOW);
        assertThatThrownBy(() -> verifier.verify(otherRegion, "ivs"))
                .hasMessage("Credential should be scoped to a valid region.");
    }

    @Test
    void rejectsMissingUnknownAndMalformedAuthorization() {
        assertThatThrownBy(() -> verifier.verify(request("/ListChannels", "", "{}", NOW), "ivs"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.errorType())
                        .isEqualTo("MissingAuthenticationTokenException"));
        Credentials stranger = new Credentials("SCAKUNKNOWNUNKNOWN01", "test-secret-test-secret-0001");
        assertThatThrownBy(() -> verifier.verify(
                        signed(request("/ListChannels", "", "{}", NOW), stranger, "us-west-2", "ivs", NOW), "ivs"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.errorType())
                        .isEqualTo("UnrecognizedClientException"));
        for (String header : List.of(
                "Bearer abc",
                "AWS4-HMAC-SHA256 Credential=x",
                "AWS4-HMAC-SHA256 Credential=a/b/c," + " SignedHeaders=host, Signature=00")) {
            Map<String, List<String>> headers =
                    new LinkedHashMap<>(request("/ListChannels", "", "{}", NOW).headers());
            headers.put("authorization", List.of(header));
            SignedRequest r = new SignedRequest("POST", "/ListChannels", "", headers, new byte[0]);
            assertThatThrownBy(() -> verifier.verify(r, "ivs"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.errorType())
                            .isEqualTo("IncompleteSignatureException"));
        }
    }
}
