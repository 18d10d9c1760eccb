package dev.streamcat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU ticks of each thread of another process ({@code /proc/<pid>/task}), so a JVM's CPU can be
 * split into its JIT compilers, its garbage collector and the rest (the application's threads).
 *
 * @param ticks by thread id
 * @param names thread names by thread id
 */
public record ThreadCpu(Map<Long, Long> ticks, Map<Long, String> names) {

    /** What a thread is, from its name (HotSpot names its compiler and GC threads). */
    public enum Kind {
        JIT,
        GC,
        OTHER
    }

    public static ThreadCpu of(long pid) {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long tid = Long.parseLong(task.getFileName().toString());
                    ticks.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    names.put(tid, name);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return new ThreadCpu(Map.copyOf(ticks), Map.copyOf(names));
    }

    static Kind kind(String threadName) {
        if (threadName.contains("CompilerThre")) {
            return Kind.JIT;
        }
        if (threadName.startsWith("G1 ") || threadName.startsWith("GC Thread") || threadName.equals("VM Thread")) {
            return Kind.GC;
        }
        return Kind.OTHER;
    }

    /**
     * CPU seconds per kind between {@code earlier} and this. Threads that ended in between lose
     * their last ticks, so JIT and GC are lower bounds; OTHER is left to the caller, who has the
     * process total.
     */
    public Map<Kind, Double> secondsSince(ThreadCpu earlier) {
        Map<Kind, Double> seconds = new HashMap<>();
        ticks.forEach((tid, now) -> {
            long delta = now - earlier.ticks.getOrDefault(tid, 0L);
            seconds.merge(kind(names.get(tid)), delta / (double) ProcessStats.TICKS_PER_SECOND, Double::sum);
        });
        return seconds;
    }
}
