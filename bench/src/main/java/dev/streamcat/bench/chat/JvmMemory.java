package dev.streamcat.bench.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Live memory of another JVM, read with {@code jcmd}: the live heap after a full GC (the {@code Total} line of
 * {@code GC.class_histogram}, which collects first) and, when the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, the committed native memory of the NMT category {@code Other}, where
 * {@code Unsafe.allocateMemory} and direct {@code ByteBuffer}s (Netty's pooled direct memory) are counted.
 *
 * @param liveHeapBytes bytes of reachable objects after a full GC
 * @param otherNativeBytes committed bytes of NMT {@code Other}, empty without NMT
 */
record JvmMemory(long liveHeapBytes, Optional<Long> otherNativeBytes) {

    static JvmMemory of(long pid) {
        String histogram = jcmd(pid, "GC.class_histogram");
        long heap = -1;
        for (String line : histogram.lines().toList().reversed()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Total")) {
                String[] fields = trimmed.split("\\s+");
                heap = Long.parseLong(fields[fields.length - 1]);
                break;
            }
        }
        if (heap < 0) {
            throw new IllegalStateException("no Total line in jcmd GC.class_histogram of " + pid);
        }
        Optional<Long> other = Optional.empty();
        for (String line : jcmd(pid, "VM.native_memory", "summary").lines().toList()) {
            String trimmed = line.trim();
            // "-                     Other (reserved=1234KB, committed=1234KB)"
            if (trimmed.startsWith("-") && trimmed.contains("Other (reserved=")) {
                String committed = trimmed.substring(trimmed.indexOf("committed=") + "committed=".length());
                other = Optional.of(Long.parseLong(committed.substring(0, committed.indexOf("KB"))) * 1024);
                break;
            }
        }
        return new JvmMemory(heap, other);
    }

    /** The full {@code GC.class_histogram} text (for finding what a connection costs). */
    static String histogram(long pid) {
        return jcmd(pid, "GC.class_histogram");
    }

    private static String jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        var args = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " timed out");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }
}
