package dev.streamcat.api.ivs;

import java.util.Map;

/** A stream key as listed (without its value). */
public record StreamKeySummary(String arn, String channelArn, Map<String, String> tags) {}
