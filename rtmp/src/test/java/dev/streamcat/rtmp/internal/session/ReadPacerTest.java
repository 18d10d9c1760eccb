package dev.streamcat.rtmp.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link ReadPacer}'s decisions against a manual clock, socket and timer. */
class ReadPacerTest {

    /** A fake event loop: the clock moves only when told, timers run when their time comes. */
    private static final class FakeIo implements ReadPacer.Io {
        record Timer(long atMs, Runnable task, CompletableFuture<Void> future) {}

        long now = 1_000_000;
        int lowWatermark = 1;
        boolean refuse;
        final List<Integer> marks = new ArrayList<>();
        final List<Timer> timers = new ArrayList<>();

        @Override
        public long nowMs() {
            return now;
        }

        @Override
        public boolean receiveLowWatermark(int bytes) {
            if (refuse) {
                return false;
            }
            lowWatermark = bytes;
            marks.add(bytes);
            return true;
        }

        @Override
        public Future<?> schedule(Runnable task, long delayMs) {
            var future = new CompletableFuture<Void>();
            timers.add(new Timer(now + delayMs, task, future));
            return future;
        }

        /** Advances the clock, running due timers that were not cancelled. */
        void advanceTo(long ms) {
            while (true) {
                Timer due = timers.stream()
                        .filter(t -> t.atMs() <= ms && !t.future().isCancelled())
                        .min((a, b) -> Long.compare(a.atMs(), b.atMs()))
                        .orElse(null);
                if (due == null) {
                    break;
                }
                timers.remove(due);
                now = Math.max(now, due.atMs());
                due.task().run();
            }
            now = ms;
        }

        long pendingTimerAt() {
            return timers.stream()
                    .filter(t -> !t.future().isCancelled())
                    .mapToLong(Timer::atMs)
                    .min()
                    .orElse(-1);
        }
    }

    private final FakeIo io = new FakeIo();
    private final ReadPacer pacer = new ReadPacer(io);
    /** Wall time when media time 0 arrives: the publisher sends in real time, 40 ms behind. */
    private final long base = io.now + 40;

    /** The publisher's messages up to media time {@code toMs}, one every 20 ms, each read on arrival. */
    private long feedRealTime(long fromMs, long toMs, long urgentFrom) {
        long ts = fromMs;
        for (; ts < toMs; ts += 20) {
            io.advanceTo(base + ts);
            if (!pacer.holding()) {
                pacer.onMessage(ts);
                pacer.afterReads(urgentFrom);
            }
        }
        return ts;
    }

    /** Real-time messages through the learning period, the last one (media 2000) just past it. */
    private void learn() {
        feedRealTime(0, ReadPacer.LEARN_MS - 100, Long.MAX_VALUE);
        assertThat(pacer.holds()).as("learning the offset first").isZero();
        io.advanceTo(base + 2_000);
        pacer.onMessage(2_000);
    }

    @Test
    void readsEagerlyWhileLearningThenHoldsUntilShortlyBeforeTheUrgentMessage() {
        learn();
        // a part closes at media time 2300 at the earliest
        pacer.afterReads(2_300);
        assertThat(pacer.holding()).isTrue();
        assertThat(io.lowWatermark).isEqualTo(ReadPacer.HOLD_BYTES);
        assertThat(io.pendingTimerAt()).isEqualTo(base + 2_300 - ReadPacer.MARGIN_MS);

        // the timer lowers the mark: the held bytes (media 2020..2280) are read at once
        io.advanceTo(base + 2_300 - ReadPacer.MARGIN_MS);
        assertThat(pacer.holding()).isFalse();
        assertThat(io.lowWatermark).isEqualTo(1);
        for (long ts = 2_020; ts <= 2_280; ts += 20) {
            pacer.onMessage(ts);
        }
        pacer.afterReads(2_300);
        assertThat(pacer.holding())
                .as("the urgent message is due: read eagerly")
                .isFalse();

        // the urgent message arrives on time and closes the part: the next one is 300 ms away
        io.advanceTo(base + 2_300);
        pacer.onMessage(2_300);
        pacer.afterReads(2_600);
        assertThat(pacer.holding()).isTrue();
        assertThat(pacer.misses()).isZero();
        assertThat(pacer.holds()).isEqualTo(2);
    }

    @Test
    void anUrgentMessageFoundInAHoldIsAMissAndPausesPacing() {
        learn();
        pacer.afterReads(2_300);
        assertThat(pacer.holding()).isTrue();

        // the publisher jumped ahead: the urgent message is already in the socket when the timer fires
        io.advanceTo(base + 2_300 - ReadPacer.MARGIN_MS);
        pacer.onMessage(2_300);
        pacer.onMessage(2_320);
        pacer.afterReads(2_600);
        assertThat(pacer.misses()).isEqualTo(1);
        assertThat(pacer.holding()).as("paused").isFalse();

        long resumed = feedRealTime(2_340, 2_300 + ReadPacer.BACKOFF_MS - 40, 1_000_000);
        assertThat(pacer.holds()).as("no holds during the pause").isEqualTo(1);
        feedRealTime(resumed, resumed + 200, Long.MAX_VALUE);
        assertThat(pacer.holds()).as("pacing again").isEqualTo(2);
    }

    @Test
    void anEarlyUrgentMarkOrNoMarkReadsEagerlyAndHoldsAreCapped() {
        learn();
        pacer.afterReads(2_000 + ReadPacer.MARGIN_MS + ReadPacer.MIN_HOLD_MS - 1);
        assertThat(pacer.holding()).as("too close to hold").isFalse();
        pacer.afterReads(Long.MIN_VALUE);
        assertThat(pacer.holding()).as("the sink wants every message").isFalse();

        pacer.afterReads(Long.MAX_VALUE);
        assertThat(pacer.holding()).isTrue();
        assertThat(io.pendingTimerAt()).isEqualTo(io.now + ReadPacer.MAX_HOLD_MS);
        pacer.afterReads(Long.MIN_VALUE);
        assertThat(pacer.holding()).isFalse();
        assertThat(io.pendingTimerAt()).as("timer cancelled").isEqualTo(-1);
    }

    @Test
    void aClockJumpRestartsLearning() {
        feedRealTime(0, ReadPacer.LEARN_MS - 100, Long.MAX_VALUE);
        io.advanceTo(base + 2_000);
        pacer.onMessage(500_000); // the encoder restarted its clock
        pacer.afterReads(500_300);
        assertThat(pacer.holding()).isFalse();
        assertThat(pacer.holds()).isZero();
    }

    @Test
    void stopLowersTheMarkAndARefusedOptionDisablesPacing() {
        learn();
        pacer.afterReads(Long.MAX_VALUE);
        assertThat(io.lowWatermark).isEqualTo(ReadPacer.HOLD_BYTES);
        pacer.stop();
        assertThat(io.lowWatermark).isEqualTo(1);
        assertThat(io.pendingTimerAt()).isEqualTo(-1);
        pacer.afterReads(Long.MAX_VALUE);
        assertThat(pacer.holding()).as("stopped for good").isFalse();

        var refusing = new FakeIo();
        refusing.refuse = true;
        var other = new ReadPacer(refusing);
        refusing.advanceTo(refusing.now + ReadPacer.LEARN_MS);
        other.onMessage(0);
        other.afterReads(Long.MAX_VALUE);
        assertThat(other.holding()).isFalse();
        assertThat(other.holds()).isZero();
    }

    @Test
    void withoutIoNothingHappens() {
        var off = new ReadPacer(null);
        off.onMessage(0);
        off.afterReads(Long.MAX_VALUE);
        off.stop();
        assertThat(off.holding()).isFalse();
        assertThat(off.holds()).isZero();
    }
}
