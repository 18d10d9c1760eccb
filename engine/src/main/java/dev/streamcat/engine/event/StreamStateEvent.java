package dev.streamcat.engine.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stream event as Amazon EventBridge delivers IVS events: {@code source} {@code aws.ivs}, {@code
 * detail-type} {@code IVS Stream State Change} or {@code IVS Stream Health Change}, {@code resources}
 * the channel ARN, {@code detail} with {@code event_name}, {@code channel_name} and {@code stream_id}
 * (and {@code code} on {@code Stream Failure}). Immutable.
 */
public record StreamStateEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        Map<String, String> detail) {

    public StreamStateEvent {
        resources = List.copyOf(resources);
        detail = Map.copyOf(detail);
    }

    /** {@code detail.event_name}, e.g. {@code Stream Start}. */
    public String eventName() {
        return detail.getOrDefault("event_name", "");
    }
}
