package dev.streamcat.engine.channel;

/** A stored stream key with the ARN of its channel. The value is a secret: never log it. */
public record StreamKeyRow(String id, String arn, String channelId, String channelArn, String value) {
    @Override
    public String toString() {
        return "StreamKeyRow[arn=" + arn + ", channelArn=" + channelArn + "]";
    }
}
