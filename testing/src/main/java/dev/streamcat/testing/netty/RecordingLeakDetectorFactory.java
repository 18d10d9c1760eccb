package dev.streamcat.testing.netty;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ResourceLeakDetectorFactory} whose detectors remember every leak they report, so a test can
 * fail on it instead of a line in a log nobody reads.
 *
 * <p>Thread-safe: detectors report from whichever thread allocates a tracked resource; reports go to a
 * lock-free queue shared by all detectors of this factory.
 */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {

    private final ConcurrentLinkedQueue<String> reports = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<RecordingDetector<?>> detectors = new CopyOnWriteArrayList<>();

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            Class<T> resource, int samplingInterval, long maxActive) {
        var detector = new RecordingDetector<T>(resource, samplingInterval, reports);
        detectors.add(detector);
        return detector;
    }

    /**
     * Makes every detector look at its queue of collected references. A detector only does so when it
     * tracks a new resource, so each one tracks (and at once closes) a throw-away object.
     */
    void poll() {
        for (RecordingDetector<?> detector : detectors) {
            detector.poll();
        }
    }

    /** Removes and returns the reports recorded so far. */
    List<String> drain() {
        var drained = new ArrayList<String>();
        for (String report; (report = reports.poll()) != null; ) {
            drained.add(report);
        }
        return List.copyOf(drained);
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        private final ConcurrentLinkedQueue<String> reports;

        RecordingDetector(Class<T> resource, int samplingInterval, ConcurrentLinkedQueue<String> reports) {
            super(resource, samplingInterval);
            this.reports = reports;
        }

        @SuppressWarnings("unchecked")
        void poll() {
            Object probe = new Object();
            var tracker = ((ResourceLeakDetector<Object>) (ResourceLeakDetector<?>) this).track(probe);
            if (tracker != null) {
                tracker.close(probe);
            }
        }

        /** Report even when the error log level is off: the test, not the log, is the audience. */
        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            reports.add(
                    "LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            reports.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected"
                    + " (no access records).");
        }
    }
}
