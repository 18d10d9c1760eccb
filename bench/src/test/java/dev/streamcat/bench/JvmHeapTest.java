package dev.streamcat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JvmHeapTest {

    @Test
    void readsTheWholeHeapLineOfG1() {
        String info =
                """
                12345:
                 garbage-first heap   total reserved 2097152K, committed 2097152K, used 1690516K [0x80000000, 0x100000000)
                  region size 1024K, 88 young (90112K), 26 survivors (26624K)
                 Metaspace       used 60123K, committed 60800K, reserved 1114112K
                """;
        assertThat(JvmHeap.usedKb(info)).isEqualTo(OptionalLong.of(1690516));
    }

    @Test
    void addsTheGenerationsOfSerial() {
        String info =
                """
                18693:
                 def new generation   total 1822464K, used 478418K [0x0000000687400000, 0x0000000702d70000)
                  eden space 1620032K,  29% used [0x0000000687400000, 0x00000006a4734868)
                 tenured generation   total 4049476K, used 1485444K [0x0000000704d50000, 0x00000007fbfe1000)
                """;
        assertThat(JvmHeap.usedKb(info)).isEqualTo(OptionalLong.of(478418 + 1485444));
    }

    @Test
    void isEmptyWithoutAHeapLine() {
        assertThat(JvmHeap.usedKb("12345:\nCommand executed successfully\n")).isEmpty();
    }

    @Test
    void measuresThisJvm() {
        assertThat(JvmHeap.usedAfterFullGcKb(ProcessHandle.current().pid()).orElseThrow())
                .isPositive();
    }
}
