package dev.streamcat.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option values not given as flags: first the environment ({@code --data-dir} ↔ {@code
 * STREAMCAT_DATA_DIR}), then the optional configuration file ({@code data-dir=...} lines, Java
 * properties syntax), then the option's own default.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;
    private final Properties file;

    EnvironmentDefaults(Map<String, String> env, Optional<Path> configFile) {
        this.env = env;
        this.file = new Properties();
        if (configFile.isPresent()) {
            Path path = configFile.get();
            try (Reader reader = Files.newBufferedReader(path)) {
                file.load(reader);
            } catch (IOException e) {
                throw new ConfigurationException(
                        "--config (STREAMCAT_CONFIG): cannot read " + path + ": " + e.getMessage());
            }
            for (String key : file.stringPropertyNames()) {
                if (!ServeCommand.OPTION_NAMES.contains(key)) {
                    throw new ConfigurationException(
                            "--config (STREAMCAT_CONFIG): unknown option '" + key + "' in " + path);
                }
            }
        }
    }

    static String variable(String longOption) {
        return "STREAMCAT_"
                + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        String fromEnv = env.get(variable(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String fromFile = file.getProperty(name.replaceFirst("^--", ""));
        if (fromFile != null) {
            return fromFile.trim();
        }
        return option.defaultValue();
    }
}
