package dev.streamcat.engine.api;

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

/** A small SigV4-signing HTTP client for wire-level tests of the control API. */
public final class SignedClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    private final String hostHeader;
    private final Credentials credentials;
    private final String region;

    public SignedClient(String endpoint, Credentials credentials, String region) {
        this.endpoint = endpoint;
        this.hostHeader = URI.create(endpoint).getAuthority();
        this.credentials = credentials;
        this.region = region;
    }

    public HttpResponse<String> send(
            String method, String service, String path, String query, String body, Instant time) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("host", List.of(hostHeader));
        headers.put("x-amz-date", List.of(SigV4Verifier.amzDate(time)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String authorization = SigV4Verifier.authorization(
                new SignedRequest(method, path, query, headers, bytes), credentials, region, service, time);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("content-type", "application/json")
                .header("x-amz-date", SigV4Verifier.amzDate(time))
                .header("authorization", authorization)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String service, String operation, String body) throws Exception {
        return send("POST", service, "/" + operation, "", body, Instant.now());
    }
}
