package dev.streamcat.engine.chatgateway;

import dev.streamcat.api.ivschat.CreateChatTokenRequest;
import dev.streamcat.api.ivschat.CreateRoomRequest;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.api.ivschat.MessageReviewHandler;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Rooms and tokens through the engine's in-process IVS Chat API, for gateway tests. */
final class ChatRooms {
    static final List<String> ALL = List.of("SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER");

    private final IvsChat chat;

    ChatRooms(IvsChat chat) {
        this.chat = chat;
    }

    String room() {
        return room(null, null, null, List.of());
    }

    String room(
            @Nullable Integer rate,
            @Nullable Integer length,
            @Nullable MessageReviewHandler handler,
            List<String> loggingConfigurations) {
        return chat.createRoom(new CreateRoomRequest("r", rate, length, handler, Map.of(), loggingConfigurations))
                .arn();
    }

    String token(String roomArn, String userId, List<String> capabilities) {
        return token(roomArn, userId, capabilities, 60, Map.of());
    }

    String token(
            String roomArn, String userId, List<String> capabilities, int sessionMinutes, Map<String, String> attrs) {
        return chat.createChatToken(new CreateChatTokenRequest(roomArn, userId, capabilities, sessionMinutes, attrs))
                .token();
    }
}
