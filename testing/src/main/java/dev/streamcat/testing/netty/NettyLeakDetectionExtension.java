package dev.streamcat.testing.netty;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that fails a test when Netty reports a leaked {@code ByteBuf} (or any other tracked
 * resource) during or right after it.
 *
 * <p>Use it with {@code @ExtendWith(NettyLeakDetectionExtension.class)}. It installs a recording
 * {@link ResourceLeakDetectorFactory} and sets the detection level to {@code PARANOID} when the class is
 * loaded. Netty creates its buffer leak detectors in static initialisers, so the extension must be
 * registered before the first buffer of the JVM is allocated: register it on every test class that
 * touches Netty and allocate no buffers in static fields. {@link #afterEach} then forces a garbage
 * collection, makes every detector track a throw-away object (a detector only looks at
 * collected references when it tracks a new one) and fails the test with the leak records, if any.
 *
 * <p>Thread-safe; the reports of tests running in parallel in one JVM cannot be told apart, so keep
 * Netty tests sequential (the default).
 */
public final class NettyLeakDetectionExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final RecordingLeakDetectorFactory FACTORY = install();

    private static RecordingLeakDetectorFactory install() {
        var factory = new RecordingLeakDetectorFactory();
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(factory);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        return factory;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        collectAndChurn();
        FACTORY.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = leaksAfterCollection();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource leak(s) in " + context.getDisplayName() + ":\n"
                    + String.join("\n\n", leaks));
        }
    }

    /** Forces collection and detection, then returns (and forgets) every leak reported so far. */
    public static List<String> leaksAfterCollection() {
        collectAndChurn();
        return FACTORY.drain();
    }

    private static void collectAndChurn() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            FACTORY.poll();
        }
    }
}
