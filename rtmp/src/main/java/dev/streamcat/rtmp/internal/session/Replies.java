package dev.streamcat.rtmp.internal.session;

import dev.streamcat.rtmp.AmfNull;
import dev.streamcat.rtmp.RtmpStatus;
import dev.streamcat.rtmp.internal.message.RtmpMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's command replies (RTMP 1.0 §7.2.1.1 connect, §7.2.1.3 createStream, §7.2.2 onStatus), in
 * the shape Flash Media Server used and encoders expect.
 *
 * <p>Stateless and thread-safe.
 */
final class Replies {

    /** Server version and capabilities sent in the connect {@code _result}, as FMS 3 did. */
    private static final String FMS_VERSION = "FMS/3,5,7,7009";

    private static final double CAPABILITIES = 31;

    private Replies() {}

    static RtmpMessage connectResult(double transactionId, double objectEncoding) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("fmsVer", FMS_VERSION);
        properties.put("capabilities", CAPABILITIES);
        var info = info(RtmpStatus.CONNECT_SUCCESS, "Connection succeeded.");
        info.put("objectEncoding", objectEncoding);
        return new RtmpMessage.Command(0, "_result", transactionId, List.of(properties, info));
    }

    static RtmpMessage connectError(double transactionId, RtmpStatus status, String description) {
        return new RtmpMessage.Command(0, "_error", transactionId, List.of(AmfNull.NULL, info(status, description)));
    }

    /** {@code _result} with a null command object and one value ({@code createStream}, §7.2.1.3). */
    static RtmpMessage result(double transactionId, Object value) {
        return new RtmpMessage.Command(0, "_result", transactionId, List.of(AmfNull.NULL, value));
    }

    static RtmpMessage onStatus(int streamId, RtmpStatus status, String description) {
        return new RtmpMessage.Command(streamId, "onStatus", 0, List.of(AmfNull.NULL, info(status, description)));
    }

    /** Reply to {@code FCPublish} (a Flash Media Live Encoder extension; nginx-rtmp and SRS send it too). */
    static RtmpMessage onFcPublish(String streamName) {
        return new RtmpMessage.Command(
                0, "onFCPublish", 0, List.of(AmfNull.NULL, info(RtmpStatus.PUBLISH_START, streamName)));
    }

    private static Map<String, Object> info(RtmpStatus status, String description) {
        var info = new LinkedHashMap<String, Object>();
        info.put("level", status.level().wireName());
        info.put("code", status.code());
        info.put("description", description);
        return info;
    }
}
