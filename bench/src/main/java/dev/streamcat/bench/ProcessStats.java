package dev.streamcat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of another process, read from {@code /proc} (Linux). */
public record ProcessStats(long cpuTicks, long rssKb) {
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    public static final int TICKS_PER_SECOND = 100;

    public static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
            return new ProcessStats(ticks, rss);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + ": " + e.getMessage(), e);
        }
    }

    public double cpuSecondsSince(ProcessStats earlier) {
        return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
    }
}
