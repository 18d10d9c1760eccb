package dev.streamcat.engine.chat;

import static dev.streamcat.engine.chat.ChatConstraints.*;

import dev.streamcat.api.ivschat.*;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import dev.streamcat.engine.resource.Arn;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.resource.ResourceIds;
import dev.streamcat.engine.resource.Validation;
import dev.streamcat.engine.tag.TagOperations;
import dev.streamcat.engine.tag.TagStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The engine's in-process implementation of the IVS Chat control API. Messaging operations
 * (SendEvent, DeleteMessage, DisconnectUser) are handed to the chat gateway through {@link
 * RoomMessaging}. Blocking (database); thread-safe.
 */
public final class IvsChatService implements IvsChat {
    /** How long a chat token may be used to open a connection, as on IVS. */
    public static final Duration TOKEN_VALIDITY = Duration.ofMinutes(1);

    private final RoomOperations rooms;
    private final LoggingConfigurationOperations logging;
    private final TagOperations tagOperations;
    private final ChatTokenCodec tokens;
    private final Supplier<RoomMessaging> messaging;
    private final Clock clock;

    /**
     * @param messaging the gateway, looked up per call so it can be attached after construction
     */
    public IvsChatService(
            Jdbi jdbi, EngineIdentity identity, ChatTokenCodec tokens, Supplier<RoomMessaging> messaging, Clock clock) {
        TagStore tags = new TagStore();
        this.logging = new LoggingConfigurationOperations(jdbi, tags, identity, clock);
        this.rooms = new RoomOperations(jdbi, tags, logging, identity, clock);
        this.tagOperations = new TagOperations(SERVICE, jdbi, tags, this::tagged, "ROOM");
        this.tokens = tokens;
        this.messaging = messaging;
        this.clock = clock;
    }

    /** The room settings the chat gateway enforces, or empty when the room does not exist. */
    public Optional<RoomRow> roomSettings(String roomArn) {
        return rooms.find(roomArn);
    }

    /** The logging configurations (type and destination name) attached to a room, in order. */
    public List<LoggingConfigurationRow> loggingConfigurations(List<String> arns) {
        return logging.findAll(arns);
    }

    private boolean tagged(Handle h, Arn arn) {
        return switch (arn.resourceType()) {
            case "room" -> rooms.find(h, arn.toString()).isPresent();
            case "logging-configuration" -> logging.find(h, arn.toString()).isPresent();
            default -> false;
        };
    }

    @Override
    public Room createRoom(CreateRoomRequest request) {
        return rooms.create(request);
    }

    @Override
    public Room getRoom(GetRoomRequest request) {
        return rooms.get(request);
    }

    @Override
    public Room updateRoom(UpdateRoomRequest request) {
        Room room = rooms.update(request);
        messaging.get().roomUpdated(room.arn());
        return room;
    }

    @Override
    public void deleteRoom(DeleteRoomRequest request) {
        rooms.delete(request);
        messaging.get().roomDeleted(request.identifier());
    }

    @Override
    public ListRoomsResponse listRooms(ListRoomsRequest request) {
        return rooms.list(request);
    }

    @Override
    public CreateChatTokenResponse createChatToken(CreateChatTokenRequest r) {
        RoomOperations.validateIdentifier("roomIdentifier", r.roomIdentifier());
        Map<String, String> attributes = Objects.requireNonNullElse(r.attributes(), Map.of());
        List<String> capabilities = Objects.requireNonNullElse(r.capabilities(), List.of());
        Validation v = new Validation()
                .required("userId", r.userId())
                .length("userId", r.userId(), 1, 128)
                .range("sessionDurationInMinutes", r.sessionDurationInMinutes(), 1, MAX_SESSION_MINUTES)
                .check(
                        attributesBytes(attributes) <= MAX_ATTRIBUTES_BYTES,
                        "attributes",
                        "Attributes must not exceed " + MAX_ATTRIBUTES_BYTES + " bytes in total");
        for (String capability : capabilities) {
            v.oneOf("capabilities", capability, CAPABILITIES);
        }
        v.throwIfInvalid();
        RoomRow room = rooms.find(r.roomIdentifier())
                .orElseThrow(() -> new dev.streamcat.api.ResourceNotFoundException(
                        "Room not found: " + r.roomIdentifier(),
                        r.roomIdentifier().substring(r.roomIdentifier().lastIndexOf('/') + 1),
                        "ROOM"));
        Instant now = clock.instant();
        Instant tokenExpiration = now.plus(TOKEN_VALIDITY);
        Instant sessionExpiration = now.plus(
                Duration.ofMinutes(Objects.requireNonNullElse(r.sessionDurationInMinutes(), DEFAULT_SESSION_MINUTES)));
        ChatTokenClaims claims = new ChatTokenClaims(
                ResourceIds.random(16),
                room.arn(),
                r.userId(),
                capabilities.stream().distinct().toList(),
                attributes,
                tokenExpiration,
                sessionExpiration);
        return new CreateChatTokenResponse(tokens.seal(claims), tokenExpiration, sessionExpiration);
    }

    @Override
    public SendEventResponse sendEvent(SendEventRequest r) {
        RoomOperations.validateIdentifier("roomIdentifier", r.roomIdentifier());
        Map<String, String> attributes = Objects.requireNonNullElse(r.attributes(), Map.of());
        new Validation()
                .required("eventName", r.eventName())
                .length("eventName", r.eventName(), 1, 100)
                .check(
                        attributesBytes(attributes) <= MAX_ATTRIBUTES_BYTES,
                        "attributes",
                        "Attributes must not exceed " + MAX_ATTRIBUTES_BYTES + " bytes in total")
                .throwIfInvalid();
        String roomArn = existingRoom(r.roomIdentifier());
        return new SendEventResponse(messaging.get().sendEvent(roomArn, r.eventName(), attributes));
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest r) {
        RoomOperations.validateIdentifier("roomIdentifier", r.roomIdentifier());
        new Validation()
                .required("id", r.id())
                .length("id", r.id(), 1, 12)
                .pattern("id", r.id(), MESSAGE_ID)
                .length("reason", r.reason(), 1, 256)
                .throwIfInvalid();
        String roomArn = existingRoom(r.roomIdentifier());
        String id = messaging.get().deleteMessage(roomArn, r.id(), Objects.requireNonNullElse(r.reason(), ""));
        return new DeleteMessageResponse(id);
    }

    @Override
    public void disconnectUser(DisconnectUserRequest r) {
        RoomOperations.validateIdentifier("roomIdentifier", r.roomIdentifier());
        new Validation()
                .required("userId", r.userId())
                .length("userId", r.userId(), 1, 128)
                .length("reason", r.reason(), 1, 256)
                .throwIfInvalid();
        String roomArn = existingRoom(r.roomIdentifier());
        messaging.get().disconnectUser(roomArn, r.userId(), Objects.requireNonNullElse(r.reason(), ""));
    }

    private String existingRoom(String arn) {
        return rooms.find(arn)
                .orElseThrow(() -> new dev.streamcat.api.ResourceNotFoundException(
                        "Room not found: " + arn, arn.substring(arn.lastIndexOf('/') + 1), "ROOM"))
                .arn();
    }

    @Override
    public LoggingConfiguration createLoggingConfiguration(CreateLoggingConfigurationRequest request) {
        return logging.create(request);
    }

    @Override
    public LoggingConfiguration getLoggingConfiguration(GetLoggingConfigurationRequest request) {
        return logging.get(request);
    }

    @Override
    public LoggingConfiguration updateLoggingConfiguration(UpdateLoggingConfigurationRequest request) {
        LoggingConfiguration configuration = logging.update(request);
        messaging.get().loggingConfigurationChanged(configuration.arn());
        return configuration;
    }

    @Override
    public void deleteLoggingConfiguration(DeleteLoggingConfigurationRequest request) {
        logging.delete(request);
        messaging.get().loggingConfigurationChanged(request.identifier());
    }

    @Override
    public ListLoggingConfigurationsResponse listLoggingConfigurations(ListLoggingConfigurationsRequest request) {
        return logging.list(request);
    }

    @Override
    public void tagResource(TagResourceRequest request) {
        tagOperations.tagResource(request);
    }

    @Override
    public void untagResource(UntagResourceRequest request) {
        tagOperations.untagResource(request);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return tagOperations.listTagsForResource(request);
    }
}
