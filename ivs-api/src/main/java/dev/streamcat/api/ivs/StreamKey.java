package dev.streamcat.api.ivs;

import java.util.Map;

/** A stream key; {@code value} is a secret. */
public record StreamKey(String arn, String value, String channelArn, Map<String, String> tags) {}
