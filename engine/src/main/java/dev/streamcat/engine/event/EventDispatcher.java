package dev.streamcat.engine.event;

import dev.streamcat.api.ivs.StreamEvent;
import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.resource.EngineJson;
import dev.streamcat.engine.stream.LifecycleEvents;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.engine.stream.StreamEnd;
import dev.streamcat.engine.stream.StreamHealth;
import dev.streamcat.engine.stream.StreamObserver;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stream lifecycle steps into EventBridge-shaped {@link StreamStateEvent}s and delivers them,
 * in order, to in-process listeners and webhooks.
 *
 * <p>Threading: the {@link StreamObserver} calls come from ingest event loops and the health timer
 * and only enqueue (a bounded queue of {@value #QUEUE} events; when full, events are dropped and
 * logged, so the media path never waits). One virtual thread runs the listeners and hands each event
 * to every webhook's own queue. Thread-safe.
 */
public final class EventDispatcher implements StreamObserver, AutoCloseable {
    static final int QUEUE = 10_000;
    /** Queued by {@link #close} to wake the worker; never delivered (compared by identity). */
    private static final StreamStateEvent STOP =
            new StreamStateEvent("0", "stop", "", "", "", Instant.EPOCH, "", List.of(), Map.of());

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final EngineIdentity identity;
    private final InstantSource clock;
    private final BlockingQueue<StreamStateEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final List<StreamEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<WebhookSender> webhooks;
    private final Thread worker;
    private volatile boolean closed;

    public EventDispatcher(EngineIdentity identity, List<WebhookTarget> targets, InstantSource clock) {
        this.identity = identity;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.webhooks =
                targets.stream().map(t -> new WebhookSender(t, http, clock)).toList();
        this.worker = Thread.ofVirtual().name("stream-events").start(this::run);
    }

    /** Adds an in-process listener; close the returned handle to remove it. */
    public AutoCloseable addListener(StreamEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void sessionCreated(LiveStream stream) {
        publish(stream, LifecycleEvents.sessionCreated(stream.startTime()));
    }

    @Override
    public void streamStarted(LiveStream stream) {
        publish(stream, LifecycleEvents.streamStarted(clock.instant()));
    }

    @Override
    public void healthChanged(LiveStream stream, StreamHealth health) {
        publish(stream, LifecycleEvents.healthChanged(health, clock.instant()));
    }

    @Override
    public void streamEnded(LiveStream stream, StreamEnd end) {
        publish(
                stream,
                LifecycleEvents.streamEnded(
                        end, stream.started(), stream.endTime().orElseGet(clock::instant)));
    }

    private void publish(LiveStream stream, List<StreamEvent> events) {
        for (StreamEvent e : events) {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("event_name", e.name());
            detail.put("channel_name", stream.channel().name());
            detail.put("stream_id", stream.streamId());
            if (e.code() != null) {
                detail.put("code", e.code());
            }
            StreamStateEvent event = new StreamStateEvent(
                    "0",
                    UUID.randomUUID().toString(),
                    e.type(),
                    "aws.ivs",
                    identity.accountId(),
                    e.eventTime(),
                    identity.region(),
                    List.of(stream.channelArn()),
                    detail);
            if (closed || !queue.offer(event)) {
                LOG.warn("stream event dropped (queue full or shutting down): {} {}", e.name(), stream.streamId());
            }
        }
    }

    /** Blocks on the queue (no timed polling: an idle engine stays asleep); {@link #close} wakes it with {@link #STOP}. */
    private void run() {
        try {
            while (!closed || !queue.isEmpty()) {
                StreamStateEvent event = queue.take();
                if (event != STOP) {
                    deliver(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(StreamStateEvent event) {
        for (StreamEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("stream event listener failed on {}", event.id(), e);
            }
        }
        if (!webhooks.isEmpty()) {
            String json = EngineJson.write(event);
            webhooks.forEach(w -> w.offer(event.id(), json));
        }
    }

    /** Delivers what is queued (up to 5 s), then stops the webhooks. Call after ingest stopped. */
    @Override
    public void close() {
        closed = true;
        // Wakes the worker if it waits; if the queue is full the worker is busy and sees `closed` once it is empty.
        queue.offer(STOP);
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhooks.forEach(WebhookSender::close);
    }
}
