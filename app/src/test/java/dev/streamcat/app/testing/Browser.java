package dev.streamcat.app.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A tiny cookie-keeping HTTP client that fills forms like a browser would. Not thread-safe. */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private String csrf = "";
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Browser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page seen (unless the form sets {@code _csrf}). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.putAll(form);
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, boolean withCsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    public String csrf() {
        return csrf;
    }

    /** Opens the register page and registers; returns the response to the POST. */
    public HttpResponse<String> register(String username, String password) {
        get("/register");
        return post("/register", Map.of("username", username, "password", password));
    }

    /** Sends {@code name: value} with every later request (e.g. a proxy's {@code X-Forwarded-For}). */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
