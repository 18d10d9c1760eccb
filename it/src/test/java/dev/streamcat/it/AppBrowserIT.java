package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.ExternalTools;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The StreamCat app end to end in headless Chromium ({@code src/test/node/browser/app.e2e.mjs},
 * driven by playwright-core): register, dashboard with ingest URL and stream key, CSRF rejection,
 * wrong password, channel page; screenshots of every main page at 1280×800 and 390×844 under {@code
 * target/screenshots/}.
 *
 * <p>Also: a viewer's chat message reaches owner and viewer and the owner deletes it; ffmpeg
 * publishes with the dashboard's key, the channel page plays (the video's time advances), and
 * stopping the publisher turns the badge offline. The ffmpeg step is skipped where ffmpeg is missing
 * (a failure in CI, {@code STREAMCAT_REQUIRE_TOOLS=true}).
 */
class AppBrowserIT {
    private static final Path NODE_TESTS = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    Path dataDir;

    @Test
    void appWorksInHeadlessChromium() throws Exception {
        Path node = ExternalTools.require("node");
        Path npm = ExternalTools.require("npm");
        Path chromium = ExternalTools.require("chromium");
        Path logs = Path.of("target").toAbsolutePath();
        Files.createDirectories(logs);
        if (!Files.isDirectory(NODE_TESTS.resolve("node_modules/playwright-core"))) {
            int installed = ExternalTools.run(
                    NODE_TESTS,
                    logs.resolve("npm-ci.log"),
                    600,
                    Map.of(),
                    npm.toString(),
                    "ci",
                    "--no-audit",
                    "--no-fund");
            assertThat(installed).as("npm ci, see target/npm-ci.log").isZero();
        }
        try (RunningServer server = new RunningServer(dataDir, TestDatabases.h2File(dataDir))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "STREAMCAT_APP_URL", server.appUrl(),
                    "CHROMIUM", chromium.toString(),
                    "SCREENSHOT_DIR", logs.resolve("screenshots").toString(),
                    "STREAMCAT_REQUIRE_CHAT", "true",
                    "NODE_NO_WARNINGS", "1"));
            Optional<Path> ffmpeg = ExternalTools.required()
                    ? Optional.of(ExternalTools.require("ffmpeg"))
                    : ExternalTools.find("ffmpeg");
            ffmpeg.ifPresent(path -> env.put("STREAMCAT_FFMPEG", path.toString()));
            Path log = logs.resolve("app-browser-tests.log");
            int exit = ExternalTools.run(
                    NODE_TESTS,
                    log,
                    600,
                    env,
                    node.toString(),
                    "--test",
                    "--test-concurrency=1",
                    "--test-reporter=spec",
                    "browser/app.e2e.mjs");
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(exit)
                    .as("node --test (output in target/app-browser-tests.log):%n%s", output)
                    .isZero();
        }
        assertThat(logs.resolve("screenshots/dashboard-mobile.png")).exists();
    }
}
