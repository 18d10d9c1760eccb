package dev.streamcat.app.channel;

import dev.streamcat.app.web.Layout;
import java.time.Instant;
import java.util.List;

/**
 * The model of {@code channel.jte}. Immutable.
 *
 * @param chatUrl the engine's chat WebSocket URL ({@code ws(s)://host:port})
 * @param hlsScript the path of hls.js served from the WebJar
 */
public record ChannelPage(
        Layout layout,
        Channel channel,
        int followers,
        boolean following,
        boolean owner,
        List<PastStream> pastStreams,
        String chatUrl,
        String hlsScript,
        Instant now) {}
