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

class RegistrationTest {
    @TempDir
    Path dir;

    TestApp app;
    Browser browser;

    @BeforeEach
    void start() {
        app = new TestApp(dir);
        browser = new Browser(app.base());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void createsUserChannelAndRoomWithTheSampleSettings() {
        var response = browser.register("Alice_1", "correct horse battery");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard?welcome=1");
        assertThat(app.ivs.channels.values()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Alice_1");
            assertThat(c.type()).isEqualTo("BASIC");
            assertThat(c.latencyMode()).isEqualTo("LOW");
            assertThat(c.tags()).containsEntry("project", "streamcat");
        });
        assertThat(app.chat.rooms.values()).singleElement().satisfies(room -> {
            assertThat(room.name()).isEqualTo("Alice_1");
            assertThat(room.messageReviewHandler().uri())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:streamcat-profanity");
            assertThat(room.messageReviewHandler().fallbackResult()).isEqualTo("ALLOW");
            assertThat(room.loggingConfigurationIdentifiers())
                    .containsExactlyElementsOf(app.chat.loggingConfigurations.keySet());
        });
        assertThat(app.chat.loggingConfigurations.values()).singleElement().satisfies(lc -> assertThat(
                        lc.destinationConfiguration().cloudWatchLogs().logGroupName())
                .isEqualTo("streamcat-chat-log-group"));
        var dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("rtmp://localhost:1935/app/").contains("sk_us-east-1_");
    }

    @Test
    void undoesTheChannelAndTheUserWhenTheRoomCannotBeCreated() {
        app.chat.failCreateRoom = true;

        var response = browser.register("bob", "correct horse battery");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Nothing was created");
        assertThat(app.ivs.channels).isEmpty();
        assertThat(app.ivs.keys).isEmpty();
        assertThat(app.chat.rooms).isEmpty();
        app.chat.failCreateRoom = false;
        assertThat(browser.register("bob", "correct horse battery").statusCode())
                .as("the name is free again")
                .isEqualTo(303);
    }

    @Test
    void undoesTheUserWhenTheChannelCannotBeCreated() {
        app.ivs.failCreateChannel = true;

        assertThat(browser.register("carol", "correct horse battery").statusCode())
                .isEqualTo(503);
        assertThat(app.chat.rooms).isEmpty();
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("username", "carol", "password", "correct horse battery"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesTakenNamesIgnoringCaseAndBadInput() {
        assertThat(browser.register("dave", "correct horse battery").statusCode())
                .isEqualTo(303);
        Browser other = new Browser(app.base());

        var taken = other.register("DAVE", "another good passphrase");
        var invalid = other.register("no spaces", "x");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("That username is taken");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("only letters, digits").contains("at least 8 characters");
        assertThat(app.ivs.channels).hasSize(1);
    }
}
