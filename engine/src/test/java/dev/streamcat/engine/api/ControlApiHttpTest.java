package dev.streamcat.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.engine.EngineFixture;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API on the wire: statuses, error headers and bodies per service, limits, fuzzed input. */
class ControlApiHttpTest {
    private static EngineFixture fixture;
    private static SignedClient client;

    @BeforeAll
    static void start() {
        fixture = EngineFixture.on(TestDatabases.h2InMemory());
        client = new SignedClient(fixture.endpoint(), EngineFixture.CREDENTIALS, EngineFixture.REGION);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return EngineJson.MAPPER.readTree(response.body());
    }

    @Test
    void ivsErrorsCarryExceptionMessageAndTheErrorTypeHeader() throws Exception {
        HttpResponse<String> response = client.post(
                "ivs", "GetChannel", "{\"arn\":\"arn:aws:ivs:us-west-2:123456789012:channel/ZZZZZZZZZZZZ\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(json(response).get("exceptionMessage").asText()).contains("ZZZZZZZZZZZZ");
    }

    @Test
    void chatErrorsCarryReasonFieldListAndResourceFields() throws Exception {
        HttpResponse<String> invalid = client.post("ivschat", "CreateRoom", "{\"maximumMessageLength\":0}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode body = json(invalid);
        assertThat(body.get("message").asText()).startsWith("1 validation error detected");
        assertThat(body.get("reason").asText()).isEqualTo("FIELD_VALIDATION_FAILED");
        assertThat(body.get("fieldList").get(0).get("name").asText()).isEqualTo("maximumMessageLength");

        HttpResponse<String> missing = client.post(
                "ivschat", "GetRoom", "{\"identifier\":\"arn:aws:ivschat:us-west-2:123456789012:room/ZZZZZZZZZZZZ\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("resourceId").asText()).isEqualTo("ZZZZZZZZZZZZ");
        assertThat(json(missing).get("resourceType").asText()).isEqualTo("ROOM");
    }

    @Test
    void deleteOperationsAnswer204WithoutBody() throws Exception {
        String arn = json(client.post("ivschat", "CreateRoom", "{}")).get("arn").asText();
        HttpResponse<String> deleted = client.post("ivschat", "DeleteRoom", "{\"identifier\":\"" + arn + "\"}");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void routesTagOperationsByTheArnService() throws Exception {
        String arn = json(client.post("ivschat", "CreateRoom", "{\"tags\":{\"a\":\"1\"}}"))
                .get("arn")
                .asText();
        String path = "/tags/" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> tags = client.send("GET", "ivschat", path, "", "", Instant.now());
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(json(tags).get("tags").get("a").asText()).isEqualTo("1");
        HttpResponse<String> wrongService = client.send("GET", "ivs", path, "", "", Instant.now());
        assertThat(wrongService.statusCode()).isEqualTo(403);
        HttpResponse<String> untag = client.send("DELETE", "ivschat", path, "tagKeys=a", "", Instant.now());
        assertThat(untag.statusCode()).isEqualTo(200);
        assertThat(json(client.send("GET", "ivschat", path, "", "", Instant.now()))
                        .get("tags")
                        .size())
                .isZero();
    }

    @Test
    void refusesExpiredSignaturesUnknownOperationsAndBadBodies() throws Exception {
        HttpResponse<String> expired = client.send(
                "POST", "ivs", "/ListChannels", "", "{}", Instant.now().minus(Duration.ofMinutes(10)));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(expired.headers().firstValue("Date"))
                .as("lets SDKs correct their clock")
                .isPresent();

        HttpResponse<String> unknown = client.post("ivs", "LaunchRocket", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");

        assertThat(client.post("ivs", "CreateChannel", "{not json").statusCode())
                .isEqualTo(400);
        assertThat(client.post("ivs", "CreateChannel", "[1,2]").statusCode()).isEqualTo(400);
        HttpResponse<String> wrongType = client.post("ivs", "ListChannels", "{\"maxResults\":\"ten\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("exceptionMessage").asText()).contains("maxResults");

        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(fixture.endpoint() + "/ListChannels"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void refusesBodiesOverTheLimit() throws Exception {
        String huge = "{\"name\":\"" + "a".repeat(ControlApi.MAX_BODY_BYTES) + "\"}";
        assertThat(client.post("ivs", "CreateChannel", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void answersEveryMutatedRequestWithAModeledStatusNeverA500() throws Exception {
        String[] seeds = {
            "{\"name\":\"room-1\",\"maximumMessageRatePerSecond\":10,\"maximumMessageLength\":200,"
                    + "\"messageReviewHandler\":{\"uri\":\"https://example.com/x\",\"fallbackResult\":\"DENY\"},"
                    + "\"tags\":{\"a\":\"b\"},\"loggingConfigurationIdentifiers\":[]}",
            "{\"name\":\"ch\",\"type\":\"BASIC\",\"latencyMode\":\"LOW\",\"tags\":{\"k\":\"v\"},\"authorized\":false}",
        };
        String[] operations = {"CreateRoom", "CreateChannel"};
        String[] services = {"ivschat", "ivs"};
        Random random = new Random(20261125L);
        for (int i = 0; i < 400; i++) {
            int which = i % 2;
            byte[] bytes = seeds[which].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(3)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] = (byte) "{}[]\":,0-9 \\".charAt(random.nextInt(12));
                    default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
                }
            }
            String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> response = client.post(services[which], operations[which], body);
            assertThat(response.statusCode()).as("mutated body %s", body).isIn(200, 400, 404, 409);
            if (response.statusCode() != 200) {
                assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                        .as(body)
                        .isPresent();
                assertThat(json(response).isObject()).isTrue();
            }
        }
    }
}
