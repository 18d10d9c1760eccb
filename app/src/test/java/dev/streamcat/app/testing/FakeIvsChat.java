package dev.streamcat.app.testing;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ServiceUnavailableException;
import dev.streamcat.api.ivschat.*;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link IvsChat} with the operations the app uses; {@link #failCreateRoom} makes the
 * engine refuse a step. Thread-safe.
 */
public final class FakeIvsChat implements IvsChat {
    public final Map<String, Room> rooms = new ConcurrentHashMap<>();
    public final Map<String, LoggingConfiguration> loggingConfigurations = new ConcurrentHashMap<>();
    public final List<CreateChatTokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    public volatile boolean failCreateRoom;
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Room createRoom(CreateRoomRequest r) {
        if (failCreateRoom) {
            throw new ServiceUnavailableException("engine refused");
        }
        String id = String.format("rm%010d", ids.incrementAndGet());
        Room room = new Room(
                "arn:aws:ivschat:us-east-1:000000000000:room/" + id,
                id,
                Objects.requireNonNull(r.name()),
                Instant.now(),
                Instant.now(),
                10,
                500,
                r.messageReviewHandler(),
                Objects.requireNonNull(r.tags()),
                Objects.requireNonNull(r.loggingConfigurationIdentifiers()));
        rooms.put(room.arn(), room);
        return room;
    }

    @Override
    public void deleteRoom(DeleteRoomRequest r) {
        if (rooms.remove(r.identifier()) == null) {
            throw new ResourceNotFoundException("no room", String.valueOf(r.identifier()), "ROOM");
        }
    }

    @Override
    public CreateChatTokenResponse createChatToken(CreateChatTokenRequest r) {
        tokenRequests.add(r);
        return new CreateChatTokenResponse(
                "token-" + r.userId(),
                Instant.now().plusSeconds(60),
                Instant.now().plusSeconds(3600));
    }

    @Override
    public LoggingConfiguration createLoggingConfiguration(CreateLoggingConfigurationRequest r) {
        String id = String.format("lc%010d", ids.incrementAndGet());
        LoggingConfiguration config = new LoggingConfiguration(
                "arn:aws:ivschat:us-east-1:000000000000:logging-configuration/" + id,
                id,
                Instant.now(),
                Instant.now(),
                Objects.requireNonNull(r.name()),
                Objects.requireNonNull(r.destinationConfiguration()),
                "ACTIVE",
                Map.of());
        loggingConfigurations.put(config.arn(), config);
        return config;
    }

    @Override
    public ListLoggingConfigurationsResponse listLoggingConfigurations(ListLoggingConfigurationsRequest r) {
        return new ListLoggingConfigurationsResponse(List.copyOf(loggingConfigurations.values()), null);
    }

    @Override
    public void disconnectUser(DisconnectUserRequest r) {}

    @Override
    public Room getRoom(GetRoomRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Room updateRoom(UpdateRoomRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListRoomsResponse listRooms(ListRoomsRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SendEventResponse sendEvent(SendEventRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoggingConfiguration getLoggingConfiguration(GetLoggingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoggingConfiguration updateLoggingConfiguration(UpdateLoggingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteLoggingConfiguration(DeleteLoggingConfigurationRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void tagResource(TagResourceRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void untagResource(UntagResourceRequest r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        throw new UnsupportedOperationException();
    }
}
