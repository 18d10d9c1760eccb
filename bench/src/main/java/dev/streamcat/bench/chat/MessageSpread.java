package dev.streamcat.bench.chat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Diagnostic ({@code --per-message=true}): for each message, when its first and its last copy arrived and how many
 * did, so a latency tail can be told apart as a slow pass (first early, last late) or a queue (first already late).
 * Costs a map update per delivery, so it stays off for the reported figures.
 */
final class MessageSpread {
    private final ConcurrentHashMap<Long, long[]> bySendTime = new ConcurrentHashMap<>();

    void record(long sent, long latencyNanos) {
        long[] spread = bySendTime.computeIfAbsent(sent, k -> new long[] {Long.MAX_VALUE, 0, 0});
        synchronized (spread) {
            spread[0] = Math.min(spread[0], latencyNanos);
            spread[1] = Math.max(spread[1], latencyNanos);
            spread[2]++;
        }
    }

    /** One line per message: milliseconds since the first send, first and last copy's latency, copies. */
    String report() {
        StringBuilder out = new StringBuilder("per message: at-ms first-ms last-ms copies\n");
        Map<Long, long[]> sorted = new TreeMap<>(bySendTime);
        long start = sorted.isEmpty() ? 0 : sorted.keySet().iterator().next();
        sorted.forEach((sent, spread) -> out.append(String.format(
                "%8.1f %8.1f %8.1f %d%n", (sent - start) / 1e6, spread[0] / 1e6, spread[1] / 1e6, spread[2])));
        return out.toString();
    }
}
