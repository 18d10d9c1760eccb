package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the Node suites in {@code src/test/node} (official AWS clients, the browser test): installs
 * the locked packages once with {@code npm ci}, runs {@code node} with the given environment, echoes
 * the output and fails the test on a non-zero exit.
 */
final class NodeTests {
    static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    private static final Path LOGS = Path.of("target").toAbsolutePath();

    private NodeTests() {}

    /** Skips (in CI: fails) without node and npm; runs {@code npm ci} unless {@code module} is installed. */
    static Path prepare(String module) throws Exception {
        Path node = ExternalTools.require("node");
        Path npm = ExternalTools.require("npm");
        Files.createDirectories(LOGS);
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve(module))) {
            int installed = ExternalTools.run(
                    DIR, LOGS.resolve("npm-ci.log"), 600, Map.of(), npm.toString(), "ci", "--no-audit", "--no-fund");
            assertThat(installed).as("npm ci, see target/npm-ci.log").isZero();
        }
        return node;
    }

    /** Runs {@code node --test --test-reporter=spec <args>}; returns the output, logged to {@code target/<log>}. */
    static String run(Path node, String log, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-reporter=spec"));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("NODE_NO_WARNINGS", "1");
        Path file = LOGS.resolve(log);
        int exit = ExternalTools.run(DIR, file, 600, environment, command.toArray(String[]::new));
        String output = Files.readString(file);
        System.out.println(output);
        assertThat(exit)
                .as("node --test (output in target/%s):%n%s", log, output)
                .isZero();
        return output;
    }
}
