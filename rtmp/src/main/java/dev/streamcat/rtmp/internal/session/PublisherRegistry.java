package dev.streamcat.rtmp.internal.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code app/streamKey} names being published on one server, so a second publisher of a live name
 * is refused before the authorizer is asked.
 *
 * <p>Thread-safe: sessions on different event loops claim and release concurrently.
 */
public final class PublisherRegistry {

    private final Set<String> live = ConcurrentHashMap.newKeySet();

    /** Claims {@code name}; false if it is already claimed. */
    boolean claim(String name) {
        return live.add(name);
    }

    void release(String name) {
        live.remove(name);
    }

    /** Number of names currently claimed. */
    public int size() {
        return live.size();
    }
}
