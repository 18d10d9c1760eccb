package dev.streamcat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.engine.auth.SigV4Verifier;
import dev.streamcat.engine.auth.SignedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal SigV4-signed calls to the IVS / IVS Chat control API, for setting up load runs. Thread-safe. */
public final class SignedApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;
    private final Credentials credentials;
    private final String region;

    private final String service;

    public SignedApiClient(String endpoint, Credentials credentials, String region, String service) {
        this.endpoint = endpoint;
        this.service = service;
        this.credentials = credentials;
        this.region = region;
    }

    public JsonNode call(String operation, Object body) throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(body);
        Instant now = Instant.now();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("host", List.of(URI.create(endpoint).getAuthority()));
        headers.put("x-amz-date", List.of(SigV4Verifier.amzDate(now)));
        String authorization = SigV4Verifier.authorization(
                new SignedRequest("POST", "/" + operation, "", headers, bytes), credentials, region, service, now);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/" + operation))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("content-type", "application/json")
                .header("x-amz-date", SigV4Verifier.amzDate(now))
                .header("authorization", authorization)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
