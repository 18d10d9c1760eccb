package dev.streamcat.engine.chatgateway;

import dev.streamcat.chat.log.ChatLogEntry;
import dev.streamcat.chat.log.ChatLogReader;
import dev.streamcat.engine.chat.IvsChatService;
import dev.streamcat.engine.chat.LoggingConfigurationRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The chat replay read path: a room's records between two instants from the self-hosted CloudWatch Logs files of its
 * first {@code cloudWatchLogs} logging configuration ({@code <root>/cloudwatch/<logGroupName>/aws/IVSChatLogs/1.0/
 * room_<roomId>.jsonl}), via {@link ChatLogReader} (binary search on the timestamps, then a sequential read).
 *
 * <p>Thread-safe; blocking (database and file reads).
 */
final class ChatReplay {
    private final IvsChatService service;
    private final ChatLogReader reader;

    ChatReplay(IvsChatService service, Path root) {
        this.service = Objects.requireNonNull(service, "service");
        this.reader = new ChatLogReader(root);
    }

    List<ChatLogEntry> read(String roomArn, Instant from, Instant to, int limit) {
        var room = service.roomSettings(roomArn);
        if (room.isEmpty()) {
            return List.of();
        }
        var group = service.loggingConfigurations(room.get().loggingConfigurationArns()).stream()
                .filter(row -> "cloudWatchLogs".equals(row.destinationType()))
                .map(LoggingConfigurationRow::destinationName)
                .findFirst();
        if (group.isEmpty()) {
            return List.of();
        }
        try {
            return reader.read(group.get(), room.get().id(), from, to, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat log of " + roomArn, e);
        }
    }
}
