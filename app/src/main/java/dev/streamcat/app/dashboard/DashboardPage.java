package dev.streamcat.app.dashboard;

import dev.streamcat.app.channel.Category;
import dev.streamcat.app.channel.Channel;
import dev.streamcat.app.channel.PastStream;
import dev.streamcat.app.web.Layout;
import java.time.Instant;
import java.util.List;

/**
 * The model of {@code dashboard.jte}. Immutable; {@code streamKey} is a secret, kept out of {@link
 * #toString()}.
 *
 * @param ingestUrl the RTMP server URL for OBS ({@code rtmp://host:port/app/})
 * @param notice a one-line confirmation after an action, or empty
 */
public record DashboardPage(
        Layout layout,
        Channel channel,
        String ingestUrl,
        String streamKey,
        List<Category> categories,
        List<PastStream> pastStreams,
        int followers,
        String hlsScript,
        String notice,
        Instant now) {

    @Override
    public String toString() {
        return "DashboardPage[channel=" + channel.name() + ", streamKey=***]";
    }
}
