package dev.streamcat.engine.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemandTimerTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void runsEveryPeriodWhileThereIsWorkThenStopsUntilWoken() throws Exception {
        AtomicBoolean work = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        try (DemandTimer timer = new DemandTimer(vertx, 20, runs::incrementAndGet, work::get)) {
            Thread.sleep(150);
            assertThat(runs).as("never woken").hasValue(0);

            timer.wake();
            Thread.sleep(300);
            assertThat(runs.get()).as("about 15 runs in 300 ms").isBetween(5, 16);

            work.set(false);
            Thread.sleep(100); // the next run finds no work and disarms
            int stopped = runs.get();
            assertThat(timer.armed()).isFalse();
            Thread.sleep(200);
            assertThat(runs).as("no runs without work").hasValue(stopped);

            work.set(true);
            timer.wake();
            Thread.sleep(200);
            assertThat(runs.get()).as("woken again").isGreaterThan(stopped + 3);
        }
    }

    @Test
    void concurrentWakesScheduleOneRunPerPeriod() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable task = () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            running.decrementAndGet();
        };
        try (DemandTimer timer = new DemandTimer(vertx, 50, task, () -> true)) {
            CountDownLatch go = new CountDownLatch(1);
            Thread[] wakers = new Thread[8];
            for (int i = 0; i < wakers.length; i++) {
                wakers[i] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int j = 0; j < 1000; j++) {
                        timer.wake();
                    }
                });
                wakers[i].start();
            }
            long started = System.nanoTime();
            go.countDown();
            for (Thread t : wakers) {
                t.join();
            }
            Thread.sleep(500);
            int ran = runs.get();
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(overlaps).hasValue(0);
            assertThat(ran)
                    .as("one chain of runs: one per 50 ms in %d ms", elapsedMillis)
                    .isBetween(3, (int) (elapsedMillis / 50) + 1);
        }
    }

    @Test
    void everyWakeAfterItDisarmedRunsItAgain() throws Exception {
        AtomicInteger work = new AtomicInteger(1); // runs left to do
        AtomicInteger runs = new AtomicInteger();
        try (DemandTimer timer =
                new DemandTimer(vertx, 5, () -> runs.incrementAndGet(), () -> work.decrementAndGet() > 0)) {
            for (int round = 0; round < 200; round++) {
                int before = runs.get();
                work.set(2);
                timer.wake();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (runs.get() == before && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(runs.get()).as("round %d ran", round).isGreaterThan(before);
                while (timer.armed() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Test
    void closeStopsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        DemandTimer timer = new DemandTimer(vertx, 10, runs::incrementAndGet, () -> true);
        timer.wake();
        Thread.sleep(100);
        timer.close();
        Thread.sleep(30);
        int after = runs.get();
        Thread.sleep(100);
        assertThat(runs).hasValue(after);
        timer.wake();
        Thread.sleep(50);
        assertThat(runs).hasValue(after);
    }
}
