package dev.streamcat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap in use by another JVM after a full collection: {@code jcmd <pid> GC.run}, then the
 * sum of the "used" figures of the {@code total} lines of {@code jcmd <pid> GC.heap_info}: one line
 * for G1 ({@code garbage-first heap   total reserved 2097152K, committed 2097152K, used 1690516K}),
 * one per generation for Serial and Parallel; Metaspace is not heap and has no such line.
 */
public final class JvmHeap {
    private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");

    private JvmHeap() {}

    /** Runs a full GC in {@code pid} and returns its heap in use afterwards, in KB; empty if jcmd failed. */
    public static OptionalLong usedAfterFullGcKb(long pid) {
        try {
            jcmd(pid, "GC.run");
            return usedKb(jcmd(pid, "GC.heap_info"));
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The heap in use according to {@code GC.heap_info} output, in KB. */
    static OptionalLong usedKb(String heapInfo) {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.lines().toList()) {
            Matcher m = USED.matcher(line);
            if (line.contains(" total ") && m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? OptionalLong.of(used) : OptionalLong.empty();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jcmd = java.endsWith("/java") ? java.substring(0, java.length() - 4) + "jcmd" : "jcmd";
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
