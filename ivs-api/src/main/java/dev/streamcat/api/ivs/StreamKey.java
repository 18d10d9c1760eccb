package dev.streamcat.api.ivs;

import java.util.Map;

/** A stream key; {@code value} is a secret. */
public record StreamKey(String arn, String value, String channelArn, Map<String, String> tags) {
    /** Leaves the secret value out, so a logged key does not leak it. */
    @Override
    public String toString() {
        return "StreamKey[arn=" + arn + ", channelArn=" + channelArn + ", value=***]";
    }
}
