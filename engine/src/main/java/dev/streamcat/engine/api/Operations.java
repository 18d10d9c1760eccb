package dev.streamcat.engine.api;

import dev.streamcat.api.ivs.*;
import dev.streamcat.api.ivschat.*;
import java.util.HashMap;
import java.util.Map;

/** The routing table of the control API: operation name (the path {@code /<Name>}) to operation. */
final class Operations {
    static final String IVS = "ivs";
    static final String IVSCHAT = "ivschat";

    private Operations() {}

    static Map<String, Operation<?>> table(Ivs ivs, IvsChat chat) {
        Map<String, Operation<?>> ops = new HashMap<>();
        ops.put("CreateChannel", Operation.of(IVS, CreateChannelRequest.class, ivs::createChannel));
        ops.put("GetChannel", Operation.of(IVS, GetChannelRequest.class, ivs::getChannel));
        ops.put("BatchGetChannel", Operation.of(IVS, BatchGetChannelRequest.class, ivs::batchGetChannel));
        ops.put("ListChannels", Operation.of(IVS, ListChannelsRequest.class, ivs::listChannels));
        ops.put("UpdateChannel", Operation.of(IVS, UpdateChannelRequest.class, ivs::updateChannel));
        ops.put("DeleteChannel", Operation.empty(IVS, DeleteChannelRequest.class, ivs::deleteChannel, 204));
        ops.put("CreateStreamKey", Operation.of(IVS, CreateStreamKeyRequest.class, ivs::createStreamKey));
        ops.put("GetStreamKey", Operation.of(IVS, GetStreamKeyRequest.class, ivs::getStreamKey));
        ops.put("BatchGetStreamKey", Operation.of(IVS, BatchGetStreamKeyRequest.class, ivs::batchGetStreamKey));
        ops.put("ListStreamKeys", Operation.of(IVS, ListStreamKeysRequest.class, ivs::listStreamKeys));
        ops.put("DeleteStreamKey", Operation.empty(IVS, DeleteStreamKeyRequest.class, ivs::deleteStreamKey, 204));
        ops.put(
                "CreateRecordingConfiguration",
                Operation.of(IVS, CreateRecordingConfigurationRequest.class, ivs::createRecordingConfiguration));
        ops.put(
                "GetRecordingConfiguration",
                Operation.of(IVS, GetRecordingConfigurationRequest.class, ivs::getRecordingConfiguration));
        ops.put(
                "ListRecordingConfigurations",
                Operation.of(IVS, ListRecordingConfigurationsRequest.class, ivs::listRecordingConfigurations));
        ops.put(
                "DeleteRecordingConfiguration",
                Operation.empty(
                        IVS, DeleteRecordingConfigurationRequest.class, ivs::deleteRecordingConfiguration, 204));
        ops.put("GetStream", Operation.of(IVS, GetStreamRequest.class, ivs::getStream));
        ops.put("ListStreams", Operation.of(IVS, ListStreamsRequest.class, ivs::listStreams));
        ops.put("StopStream", Operation.empty(IVS, StopStreamRequest.class, ivs::stopStream, 200));
        ops.put("PutMetadata", Operation.empty(IVS, PutMetadataRequest.class, ivs::putMetadata, 204));
        ops.put("GetStreamSession", Operation.of(IVS, GetStreamSessionRequest.class, ivs::getStreamSession));
        ops.put("ListStreamSessions", Operation.of(IVS, ListStreamSessionsRequest.class, ivs::listStreamSessions));

        ops.put("CreateRoom", Operation.of(IVSCHAT, CreateRoomRequest.class, chat::createRoom));
        ops.put("GetRoom", Operation.of(IVSCHAT, GetRoomRequest.class, chat::getRoom));
        ops.put("UpdateRoom", Operation.of(IVSCHAT, UpdateRoomRequest.class, chat::updateRoom));
        ops.put("DeleteRoom", Operation.empty(IVSCHAT, DeleteRoomRequest.class, chat::deleteRoom, 204));
        ops.put("ListRooms", Operation.of(IVSCHAT, ListRoomsRequest.class, chat::listRooms));
        ops.put("CreateChatToken", Operation.of(IVSCHAT, CreateChatTokenRequest.class, chat::createChatToken));
        ops.put("SendEvent", Operation.of(IVSCHAT, SendEventRequest.class, chat::sendEvent));
        ops.put("DeleteMessage", Operation.of(IVSCHAT, DeleteMessageRequest.class, chat::deleteMessage));
        ops.put("DisconnectUser", Operation.empty(IVSCHAT, DisconnectUserRequest.class, chat::disconnectUser, 200));
        ops.put(
                "CreateLoggingConfiguration",
                Operation.of(IVSCHAT, CreateLoggingConfigurationRequest.class, chat::createLoggingConfiguration));
        ops.put(
                "GetLoggingConfiguration",
                Operation.of(IVSCHAT, GetLoggingConfigurationRequest.class, chat::getLoggingConfiguration));
        ops.put(
                "UpdateLoggingConfiguration",
                Operation.of(IVSCHAT, UpdateLoggingConfigurationRequest.class, chat::updateLoggingConfiguration));
        ops.put(
                "DeleteLoggingConfiguration",
                Operation.empty(
                        IVSCHAT, DeleteLoggingConfigurationRequest.class, chat::deleteLoggingConfiguration, 204));
        ops.put(
                "ListLoggingConfigurations",
                Operation.of(IVSCHAT, ListLoggingConfigurationsRequest.class, chat::listLoggingConfigurations));
        return Map.copyOf(ops);
    }
}
