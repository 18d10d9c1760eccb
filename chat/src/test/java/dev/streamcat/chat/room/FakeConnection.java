package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.Capability;
import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A gateway connection with a bounded outbound queue that never drains by itself. Thread-safe (synchronized). */
final class FakeConnection implements ChatConnection {
    private final String userId;
    private final Set<Capability> capabilities;
    private final int capacity;
    private final List<EncodedFrame> sent = new ArrayList<>();
    private Optional<DisconnectCause> disconnected = Optional.empty();

    FakeConnection(String userId, Set<Capability> capabilities, int capacity) {
        this.userId = userId;
        this.capabilities = Set.copyOf(capabilities);
        this.capacity = capacity;
    }

    static FakeConnection viewer(String userId) {
        return new FakeConnection(userId, Set.of(), 1000);
    }

    static FakeConnection sender(String userId) {
        return new FakeConnection(userId, Set.of(Capability.SEND_MESSAGE), 1000);
    }

    static FakeConnection moderator(String userId) {
        return new FakeConnection(userId, Set.of(Capability.values()), 1000);
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("username", "user-" + userId);
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public synchronized boolean send(EncodedFrame frame) {
        if (sent.size() >= capacity) {
            return false;
        }
        sent.add(frame);
        return true;
    }

    @Override
    public synchronized void disconnect(DisconnectCause cause) {
        disconnected = Optional.of(cause);
    }

    synchronized List<String> texts() {
        return sent.stream().map(EncodedFrame::text).toList();
    }

    synchronized String last() {
        return sent.getLast().text();
    }

    synchronized Optional<DisconnectCause> disconnected() {
        return disconnected;
    }
}
