package dev.streamcat.engine;

import dev.streamcat.engine.channel.IvsService;
import dev.streamcat.engine.channel.LiveStreams;
import dev.streamcat.engine.event.EventDispatcher;
import dev.streamcat.engine.ingest.IngestServer;
import dev.streamcat.engine.playback.PlaybackRoutes;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.engine.stream.SessionRecorder;
import dev.streamcat.engine.stream.StreamEnd;
import dev.streamcat.engine.stream.StreamHealth;
import dev.streamcat.engine.stream.StreamObserver;
import dev.streamcat.engine.stream.StreamRegistry;
import dev.streamcat.engine.stream.StreamState;
import dev.streamcat.engine.timer.DemandTimer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Assembles the live video features of the engine: stream registry, health timer, ingest listener.
 *
 * <p>Thread-safe; {@link #startIngest} and {@link #close()} block (call them from start-up and
 * shutdown threads).
 */
final class LiveVideo implements AutoCloseable {
    private static final long HEALTH_CHECK_MS = 1000;

    private final Vertx vertx;
    private final LiveVideoConfig config;
    private final StreamRegistry registry;
    private final SessionRecorder sessions;
    private final EventDispatcher events;
    private final StreamState state;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
    private final DemandTimer healthChecks;
    private @Nullable IngestServer ingest;

    private LiveVideo(
            Vertx vertx,
            LiveVideoConfig config,
            InstantSource clock,
            SessionRecorder sessions,
            EventDispatcher events) {
        this.vertx = vertx;
        this.config = config;
        this.sessions = sessions;
        this.events = events;
        this.registry = new StreamRegistry(
                config.hls(),
                config.viewerWindow(),
                config.endedRetention(),
                clock,
                StreamObserver.all(List.of(sessions, events, new WakeHealthChecks())));
        this.state = new StreamState(registry, sessions);
        // Only while there are streams, live or ended but still retained: an idle engine has no timer.
        this.healthChecks = new DemandTimer(vertx, HEALTH_CHECK_MS, registry::checkHealth, () -> !registry.isEmpty());
    }

    /** Arms the health checks when a stream session starts. */
    private final class WakeHealthChecks implements StreamObserver {
        @Override
        public void sessionCreated(LiveStream stream) {
            healthChecks.wake();
        }

        @Override
        public void streamStarted(LiveStream stream) {}

        @Override
        public void healthChanged(LiveStream stream, StreamHealth health) {}

        @Override
        public void streamEnded(LiveStream stream, StreamEnd end) {}
    }

    static LiveVideo create(
            Vertx vertx, LiveVideoConfig config, Jdbi jdbi, EngineIdentity identity, InstantSource clock) {
        return new LiveVideo(
                vertx,
                config,
                clock,
                new SessionRecorder(jdbi, clock),
                new EventDispatcher(identity, config.webhooks(), clock));
    }

    /** Stream events, for in-process listeners. */
    EventDispatcher events() {
        return events;
    }

    StreamRegistry registry() {
        return registry;
    }

    /** The stream state behind the control API's stream operations. */
    LiveStreams state() {
        return state;
    }

    /** Adds the playback routes; call before the control API takes every other path. */
    void mount(Router router, EngineIdentity identity) {
        new PlaybackRoutes(vertx, identity, registry).mount(router);
    }

    /** Binds the RTMP(S) listener when configured. */
    synchronized void startIngest(String bindHost, IvsService ivs) {
        if (config.rtmpPort().isPresent()) {
            ingest = IngestServer.start(config, bindHost, ivs, registry, lookups);
        }
    }

    synchronized OptionalInt rtmpPort() {
        return ingest == null ? OptionalInt.empty() : OptionalInt.of(ingest.port());
    }

    synchronized OptionalInt rtmpsPort() {
        return ingest == null ? OptionalInt.empty() : ingest.tlsPort();
    }

    /** Ends every stream and stops the listener. */
    @Override
    public synchronized void close() {
        if (ingest != null) {
            ingest.close();
            ingest = null;
        }
        healthChecks.close();
        lookups.shutdown();
        sessions.close();
        events.close();
    }
}
