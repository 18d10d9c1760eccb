package dev.streamcat.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code streamcat} command line. */
@Command(
        name = "streamcat",
        mixinStandardHelpOptions = true,
        version = "StreamCat 0.1.0",
        description = "Self-hosted live streaming: an Amazon IVS-compatible engine and the StreamCat app.",
        subcommands = {CommandLine.HelpCommand.class})
public final class StreamCat {

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs the command line; the exit code is 2 for bad configuration. */
    static int run(String[] args, Map<String, String> env) {
        CommandLine cli;
        try {
            cli = commandLine(args, env);
        } catch (ConfigurationException e) {
            System.err.println("streamcat: " + e.getMessage());
            return 2;
        }
        return cli.execute(args);
    }

    static CommandLine commandLine(String[] args, Map<String, String> env) {
        CommandLine cli = new CommandLine(new StreamCat());
        CommandLine serve = new CommandLine(new ServeCommand(env));
        serve.setDefaultValueProvider(new EnvironmentDefaults(env, configFile(args, env)));
        cli.addSubcommand("serve", serve);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigurationException) {
                commandLine.getErr().println("streamcat: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    private static Optional<Path> configFile(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        String fromEnv = env.get("STREAMCAT_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv));
    }
}
