package dev.streamcat.app.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.app.testing.Browser;
import dev.streamcat.app.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamStateTest {
    @TempDir
    Path dir;

    TestApp app;
    Browser browser;
    String arn;

    @BeforeEach
    void start() {
        app = new TestApp(dir);
        browser = new Browser(app.base());
        assertThat(browser.register("frank", "correct horse battery").statusCode())
                .isEqualTo(303);
        arn = app.ivs.channels.keySet().iterator().next();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void streamStartAndEndKeepLiveStateAndHistory() {
        Instant started = Instant.parse("2026-03-01T10:00:00Z");
        app.ivs.goLive(arn, "st-1", started, 3);
        app.app()
                .streamEvents()
                .onStreamStateChange(new StreamStateChange(arn, "st-1", StreamStateChange.Name.STREAM_START, started));

        JsonObject live = awaitStatus(s -> s.getBoolean("live"));
        assertThat(live.getString("liveSince")).isEqualTo(started.toString());
        assertThat(browser.get("/").body()).contains("Live Stream</h3>").doesNotContain("Nobody is live");
        assertThat(browser.get("/category/just-chatting").body()).contains("/channel/frank");
        assertThat(browser.get("/category/live-shopping").body()).contains("Nobody is live in Live Shopping");

        app.ivs.live.clear();
        app.app()
                .streamEvents()
                .onStreamStateChange(new StreamStateChange(
                        arn, "st-1", StreamStateChange.Name.STREAM_END, started.plus(Duration.ofMinutes(65))));

        awaitStatus(s -> !s.getBoolean("live"));
        assertThat(browser.get("/dashboard").body()).contains("1 h 05 min").contains("Just Chatting");
    }

    @Test
    void reconcilesAfterARestartWithoutTheEndEvent() {
        app.ivs.goLive(arn, "st-2", Instant.now(), 0);
        app.app()
                .streamEvents()
                .onStreamStateChange(
                        new StreamStateChange(arn, "st-2", StreamStateChange.Name.STREAM_START, Instant.now()));
        awaitStatus(s -> s.getBoolean("live"));

        app.ivs.live.clear();
        app.restart();
        browser = new Browser(app.base());

        assertThat(status().getBoolean("live"))
                .as("the stream ended while the app was down")
                .isFalse();
        assertThat(browser.get("/channel/frank").body()).contains("frank is offline");
    }

    @Test
    void reconcilesAStreamThatStartedWhileTheAppWasDown() {
        Instant started = Instant.parse("2026-03-02T08:00:00Z");
        app.ivs.goLive(arn, "st-3", started, 7);

        app.restart();
        browser = new Browser(app.base());

        JsonObject status = status();
        assertThat(status.getBoolean("live")).isTrue();
        assertThat(status.getString("liveSince")).isEqualTo(started.toString());
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(303);
    }

    private JsonObject awaitStatus(Predicate<JsonObject> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonObject status = status();
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            status = status();
        }
        assertThat(condition).accepts(status);
        return status;
    }

    private JsonObject status() {
        return new JsonObject(browser.get("/api/channels/frank/status").body());
    }
}
