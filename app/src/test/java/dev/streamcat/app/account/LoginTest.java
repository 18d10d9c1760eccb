package dev.streamcat.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.app.testing.Browser;
import dev.streamcat.app.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
    @TempDir
    Path dir;

    TestApp app;

    @BeforeEach
    void start() {
        app = new TestApp(dir);
        assertThat(new Browser(app.base())
                        .register("erin", "correct horse battery")
                        .statusCode())
                .isEqualTo(303);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void rejectsAWrongPasswordWithoutSigningIn() {
        Browser browser = new Browser(app.base());
        browser.get("/login");

        var response = browser.post("/login", Map.of("username", "erin", "password", "wrong password!"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("That username and password do not match.");
        assertThat(browser.get("/dashboard").headers().firstValue("Location")).hasValue("/login?next=/dashboard");
    }

    @Test
    void signsInIgnoringUsernameCaseAndRedirectsToNext() {
        Browser browser = new Browser(app.base());
        browser.get("/login?next=/channel/erin");

        var response = browser.post(
                "/login", Map.of("username", "ERIN", "password", "correct horse battery", "next", "/channel/erin"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/channel/erin");
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsFormsWithoutTheCsrfToken() {
        Browser browser = new Browser(app.base());
        browser.get("/login");

        var forged = browser.post(
                "/login", Map.of("_csrf", "forged", "username", "erin", "password", "correct horse battery"));
        var json = browser.postJson("/api/chat/token", "{\"channel\":\"erin\"}", false);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Reload the page");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/chat/token", "{\"channel\":\"erin\"}", true)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void limitsFailedLoginsPerUsernameAndAddress() {
        Browser browser = new Browser(app.base());
        browser.get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/login", Map.of("username", "erin", "password", "guess number " + i))
                            .statusCode())
                    .isEqualTo(401);
        }

        var limited = browser.post("/login", Map.of("username", "erin", "password", "correct horse battery"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts");
    }

    @Test
    void countsFailuresPerForwardedAddressOnlyWhenProxyHeadersAreTrusted() throws Exception {
        app.close();
        app = new TestApp(dir, b -> b.trustProxyHeaders(true));
        failFiveTimes(new Browser(app.base()).header("X-Forwarded-For", "203.0.113.7"));
        Browser elsewhere = new Browser(app.base()).header("X-Forwarded-For", "198.51.100.9");
        elsewhere.get("/login");

        var fromElsewhere = elsewhere.post("/login", Map.of("username", "erin", "password", "correct horse battery"));

        assertThat(fromElsewhere.statusCode())
                .as("another client address is not limited")
                .isEqualTo(303);

        app.close();
        app = new TestApp(dir);
        failFiveTimes(new Browser(app.base()).header("X-Forwarded-For", "203.0.113.8"));
        Browser spoofing = new Browser(app.base()).header("X-Forwarded-For", "198.51.100.10");
        spoofing.get("/login");
        assertThat(spoofing.post("/login", Map.of("username", "erin", "password", "correct horse battery"))
                        .statusCode())
                .as("an untrusted X-Forwarded-For changes nothing")
                .isEqualTo(429);
    }

    private static void failFiveTimes(Browser browser) {
        browser.get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/login", Map.of("username", "erin", "password", "guess number " + i))
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void sessionsSurviveARestart() {
        Browser browser = new Browser(app.base());
        browser.get("/login");
        browser.post("/login", Map.of("username", "erin", "password", "correct horse battery"));
        var cookies = browser.cookies.getCookieStore().getCookies();
        assertThat(cookies).singleElement().satisfies(c -> assertThat(c.isHttpOnly())
                .isTrue());

        app.restart();
        Browser same = new Browser(app.base());
        cookies.forEach(c -> same.cookies.getCookieStore().add(java.net.URI.create(app.base()), c));

        assertThat(same.get("/dashboard").statusCode()).isEqualTo(200);
        same.post("/logout", Map.of());
        assertThat(same.get("/dashboard").statusCode()).isEqualTo(303);
    }
}
