package dev.streamcat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void classifiesHotSpotThreadNames() {
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
        assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
        assertThat(ThreadCpu.kind("G1 Refine#0")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.kind("VM Thread")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.kind("vert.x-eventloo")).isEqualTo(ThreadCpu.Kind.OTHER);
        assertThat(ThreadCpu.kind("multiThreadIoEv")).isEqualTo(ThreadCpu.Kind.OTHER);
        assertThat(ThreadCpu.kind("nginx")).isEqualTo(ThreadCpu.Kind.OTHER);
    }

    @Test
    void countsTheCpuOfTheThreadThatBurnedIt() throws Exception {
        long pid = ProcessHandle.current().pid();
        ThreadCpu before = ThreadCpu.of(pid);
        Thread burner = new Thread(
                () -> {
                    long until = System.nanoTime() + 400_000_000L;
                    long x = 0;
                    while (System.nanoTime() < until) {
                        x += x * 31 + 7;
                    }
                    if (x == 42) System.out.println(x);
                },
                "burner");
        burner.start();
        Thread.sleep(300); // sampled while it runs: a thread that has ended is gone from /proc
        ThreadCpu during = ThreadCpu.of(pid);
        burner.join();
        assertThat(during.names()).containsValue("burner");
        Map<ThreadCpu.Kind, Double> seconds = during.secondsSince(before);
        assertThat(seconds.get(ThreadCpu.Kind.OTHER)).isGreaterThan(0.1);
    }
}
