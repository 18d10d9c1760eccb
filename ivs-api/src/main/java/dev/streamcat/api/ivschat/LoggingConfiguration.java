package dev.streamcat.api.ivschat;

import java.time.Instant;
import java.util.Map;

/** A chat logging configuration (Create/Get/Update responses and list items). */
public record LoggingConfiguration(
        String arn,
        String id,
        Instant createTime,
        Instant updateTime,
        String name,
        DestinationConfiguration destinationConfiguration,
        String state,
        Map<String, String> tags) {}
