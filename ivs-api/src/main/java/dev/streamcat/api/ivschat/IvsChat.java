package dev.streamcat.api.ivschat;

import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.ListTagsForResourceResponse;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;

/**
 * The Amazon IVS Chat control API, operation for operation: same names, same request and response
 * shapes, same errors (subclasses of {@link dev.streamcat.api.AwsServiceException}).
 *
 * <p>Implementations may block: call them off event loops. Implementations are thread-safe.
 */
public interface IvsChat {
    Room createRoom(CreateRoomRequest request);

    Room getRoom(GetRoomRequest request);

    Room updateRoom(UpdateRoomRequest request);

    void deleteRoom(DeleteRoomRequest request);

    ListRoomsResponse listRooms(ListRoomsRequest request);

    CreateChatTokenResponse createChatToken(CreateChatTokenRequest request);

    SendEventResponse sendEvent(SendEventRequest request);

    DeleteMessageResponse deleteMessage(DeleteMessageRequest request);

    void disconnectUser(DisconnectUserRequest request);

    LoggingConfiguration createLoggingConfiguration(CreateLoggingConfigurationRequest request);

    LoggingConfiguration getLoggingConfiguration(GetLoggingConfigurationRequest request);

    LoggingConfiguration updateLoggingConfiguration(UpdateLoggingConfigurationRequest request);

    void deleteLoggingConfiguration(DeleteLoggingConfigurationRequest request);

    ListLoggingConfigurationsResponse listLoggingConfigurations(ListLoggingConfigurationsRequest request);

    void tagResource(TagResourceRequest request);

    void untagResource(UntagResourceRequest request);

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request);
}
