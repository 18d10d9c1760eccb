package dev.streamcat.api;

/** 404 {@code ChannelNotBroadcasting}: see the IVS / IVS Chat error table. */
public final class ChannelNotBroadcastingException extends AwsServiceException {
    public ChannelNotBroadcastingException(String message) {
        super("ChannelNotBroadcasting", 404, message);
    }
}
