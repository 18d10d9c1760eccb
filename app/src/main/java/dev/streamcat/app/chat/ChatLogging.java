package dev.streamcat.app.chat;

import dev.streamcat.api.ivschat.CloudWatchLogsDestinationConfiguration;
import dev.streamcat.api.ivschat.CreateLoggingConfigurationRequest;
import dev.streamcat.api.ivschat.DestinationConfiguration;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.api.ivschat.ListLoggingConfigurationsRequest;
import dev.streamcat.api.ivschat.ListLoggingConfigurationsResponse;
import dev.streamcat.api.ivschat.LoggingConfiguration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The app's one chat logging configuration (as the sample's CDK stack creates it): name {@value
 * #NAME}, destination CloudWatch Logs group {@value #LOG_GROUP}. Found by name through
 * ListLoggingConfigurations, created when missing. Stateless; blocking: call from a worker thread.
 */
public final class ChatLogging {
    public static final String NAME = "streamcat-chat-logging-config";
    public static final String LOG_GROUP = "streamcat-chat-log-group";

    private ChatLogging() {}

    /** The ARN of the app's logging configuration, created if it does not exist yet. */
    public static String ensure(IvsChat chat) {
        return find(chat).orElseGet(() -> chat.createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                        NAME,
                        new DestinationConfiguration(null, new CloudWatchLogsDestinationConfiguration(LOG_GROUP), null),
                        Map.of("project", "streamcat")))
                .arn());
    }

    static Optional<String> find(IvsChat chat) {
        @Nullable String next = null;
        do {
            ListLoggingConfigurationsResponse page =
                    chat.listLoggingConfigurations(new ListLoggingConfigurationsRequest(next, 50));
            for (LoggingConfiguration config : page.loggingConfigurations()) {
                if (NAME.equals(config.name())) {
                    return Optional.of(config.arn());
                }
            }
            next = page.nextToken();
        } while (next != null);
        return Optional.empty();
    }
}
