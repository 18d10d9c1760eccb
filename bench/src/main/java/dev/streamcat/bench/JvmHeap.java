package dev.streamcat.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap in use by another JVM after a full GC, read with {@code jcmd <pid> GC.run} and {@code
 * GC.heap_info}; empty when the process is not a JVM (e.g. the Node baseline) or jcmd is missing.
 */
public final class JvmHeap {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private JvmHeap() {}

    public static OptionalLong usedKbAfterGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return OptionalLong.empty();
        try {
            for (int i = 0; i < 3; i++) run(jcmd, pid, "GC.run");
            Matcher m = USED.matcher(run(jcmd, pid, "GC.heap_info"));
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    private static String run(Path jcmd, long pid, String command) throws Exception {
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
