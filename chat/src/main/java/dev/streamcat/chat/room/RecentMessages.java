package dev.streamcat.chat.room;

import dev.streamcat.chat.protocol.EncodedFrame;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Bounded ring of a room's most recent MESSAGE frames, replayed to late joiners when a room opts in.
 *
 * <p>Thread-safe: every method holds this object's monitor for a short, non-blocking critical section.
 */
final class RecentMessages {
    private final int capacity;
    private final ArrayDeque<EncodedFrame> frames;

    RecentMessages(int capacity) {
        this.capacity = capacity;
        this.frames = new ArrayDeque<>(Math.max(1, capacity));
    }

    synchronized void add(EncodedFrame frame) {
        if (capacity == 0) {
            return;
        }
        if (frames.size() == capacity) {
            frames.removeFirst();
        }
        frames.addLast(frame);
    }

    synchronized void remove(String messageId) {
        frames.removeIf(frame -> frame.id().equals(messageId));
    }

    synchronized List<EncodedFrame> snapshot() {
        return List.copyOf(frames);
    }
}
