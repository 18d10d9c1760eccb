package dev.streamcat.app.channel;

import java.time.Duration;

/** Short human durations for pages ("45 s", "12 min", "2 h 05 min"). Stateless. */
public final class Durations {
    private Durations() {}

    public static String human(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
