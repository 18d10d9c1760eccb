package dev.streamcat.chat.room;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.limit.RateLimiter;
import dev.streamcat.chat.log.ChatLogRecord;
import dev.streamcat.chat.log.ChatLogSink;
import dev.streamcat.chat.protocol.ChatAttributes;
import dev.streamcat.chat.protocol.ChatErrorCode;
import dev.streamcat.chat.protocol.ChatException;
import dev.streamcat.chat.protocol.ClientAction;
import dev.streamcat.chat.protocol.EncodedFrame;
import dev.streamcat.chat.protocol.FrameType;
import dev.streamcat.chat.protocol.ServerFrame;
import dev.streamcat.chat.review.ReviewRequest;
import dev.streamcat.chat.review.ReviewVerdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat room on this node: runs the IVS Chat request pipeline for its connections and delivers what the bus
 * carries for it. For each client frame: flood guard → parse (400/413) → capability (403) → action. SEND_MESSAGE:
 * length in code points (413) → room rate (429) → review (406 on deny) → MESSAGE to everyone incl. the sender.
 * DELETE_MESSAGE / DISCONNECT_USER: the {@code aws:} event to everyone (and the disconnect on every node). Unexpected
 * failures answer 500. MESSAGE and EVENT frames are logged once, on the node that handled the request, then published.
 *
 * <p>Thread-safe: {@link #handle} may be called concurrently for different connections from any event loop (calls for
 * one connection are expected in order); review completions continue on the handler's completion thread. Nothing here
 * blocks. Messages reviewed asynchronously may be delivered in a different order than they were sent.
 */
public final class Room {
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final ChatRuntime runtime;
    private final RoomMembers members;
    private volatile State state;
    private final ChatBus.Subscription subscription;

    /** Settings with their derived limiter and history; replaced as a whole on update. */
    private record State(RoomSettings settings, RateLimiter rateLimiter, RecentMessages history) {}

    Room(ChatRuntime runtime, RoomSettings settings) {
        this.runtime = runtime;
        this.state = newState(settings, null);
        this.members = new RoomMembers(runtime.fanouts(), settings.roomId());
        this.subscription = runtime.bus().subscribe(settings.roomId(), this::onBusMessage);
    }

    private State newState(RoomSettings settings, @Nullable State previous) {
        boolean sameRate = previous != null
                && previous.settings().limits().maximumMessageRatePerSecond()
                        == settings.limits().maximumMessageRatePerSecond();
        RateLimiter limiter =
                sameRate ? previous.rateLimiter() : settings.limits().newRateLimiter(runtime.ticker());
        boolean sameHistory = previous != null && previous.settings().historySize() == settings.historySize();
        RecentMessages history = sameHistory ? previous.history() : new RecentMessages(settings.historySize());
        return new State(settings, limiter, history);
    }

    /** The room id. */
    public String id() {
        return state.settings().roomId();
    }

    /** The current settings. */
    public RoomSettings settings() {
        return state.settings();
    }

    /** Connections of this room on this node. */
    public int connectionCount() {
        return members.size();
    }

    /** Applies new settings (UpdateRoom); the rate limiter and history are kept when their sizes are unchanged. */
    public synchronized void update(RoomSettings settings) {
        if (!settings.roomId().equals(id())) {
            throw new IllegalArgumentException("room id cannot change");
        }
        this.state = newState(settings, state);
    }

    /** Adds a connection; replays recent messages when the room keeps history. */
    public void join(ChatConnection connection) {
        if (!members.add(connection, new FloodGuard(runtime.floodPolicy(), runtime.ticker()))) {
            return;
        }
        for (EncodedFrame frame : state.history().snapshot()) {
            if (!members.sendOrDrop(connection, frame)) {
                return;
            }
        }
    }

    /** Removes a connection (the client went away); does not call {@link ChatConnection#disconnect}. */
    public void leave(ChatConnection connection) {
        members.remove(connection);
    }

    /**
     * Handles one text frame from {@code connection}. Never throws for client errors: they are answered with an
     * {@code ERROR} frame to that connection.
     *
     * @throws IllegalStateException if {@code connection} has not joined this room
     */
    public void handle(ChatConnection connection, String frame) {
        FloodGuard guard = members.guard(connection)
                .orElseThrow(() -> new IllegalStateException("connection has not joined room " + id()));
        FloodGuard.Verdict flood = guard.onAction();
        if (flood == FloodGuard.Verdict.DISCONNECT) {
            LOG.info("Disconnecting user {} from room {}: flooding", connection.userId(), id());
            members.disconnect(connection, DisconnectCause.FLOODING);
            return;
        }
        ClientAction action;
        try {
            action = runtime.parser().parse(frame);
        } catch (ChatException e) {
            sendError(connection, e, Optional.empty());
            return;
        }
        if (flood == FloodGuard.Verdict.THROTTLE) {
            sendError(connection, error(ChatErrorCode.RATE_LIMITED, "Too many requests", action), Optional.empty());
            return;
        }
        if (!connection.capabilities().contains(action.requiredCapability())) {
            String message = "User is not permitted to perform " + action.requiredCapability();
            sendError(connection, error(ChatErrorCode.FORBIDDEN, message, action), Optional.empty());
            return;
        }
        try {
            switch (action) {
                case ClientAction.SendMessage send -> sendMessage(connection, send);
                case ClientAction.DeleteMessage delete ->
                    deleteMessage(delete.id(), delete.reason(), delete.requestId());
                case ClientAction.DisconnectUser kick -> disconnectUser(kick.userId(), kick.reason(), kick.requestId());
            }
        } catch (ChatException e) {
            sendError(connection, e, Optional.empty());
        } catch (RuntimeException e) {
            LOG.error("Room {} failed to handle {}", id(), action.getClass().getSimpleName(), e);
            sendError(connection, error(ChatErrorCode.INTERNAL, "Internal error", action), Optional.empty());
        }
    }

    private void sendMessage(ChatConnection connection, ClientAction.SendMessage send) {
        State current = state;
        int maxLength = current.settings().limits().maximumMessageLength();
        if (ChatAttributes.codePoints(send.content()) > maxLength) {
            throw error(ChatErrorCode.TOO_LARGE, "Message exceeds " + maxLength + " characters", send);
        }
        if (!current.rateLimiter().tryAcquire()) {
            throw error(ChatErrorCode.RATE_LIMITED, "Room message rate exceeded", send);
        }
        String messageId = runtime.ids().next();
        var sender = new ServerFrame.Sender(connection.userId(), connection.attributes());
        if (current.settings().reviewer().isEmpty()) {
            publishMessage(messageId, send, send.content(), send.attributes(), sender);
            return;
        }
        var request = new ReviewRequest(
                send.content(),
                messageId,
                current.settings().roomArn(),
                send.attributes(),
                connection.userId(),
                connection.attributes(),
                connection.remoteAddress());
        current.settings().reviewer().get().review(request, maxLength).whenComplete((verdict, failure) -> {
            try {
                switch (verdict) {
                    case ReviewVerdict.Allow allow ->
                        publishMessage(messageId, send, allow.content(), allow.attributes(), sender);
                    case ReviewVerdict.Deny deny ->
                        sendError(
                                connection,
                                error(ChatErrorCode.REJECTED_BY_REVIEW, "Message rejected by review", send),
                                Optional.of(messageId));
                }
            } catch (RuntimeException e) {
                LOG.error("Room {} failed to deliver reviewed message {}", id(), messageId, e);
                sendError(connection, error(ChatErrorCode.INTERNAL, "Internal error", send), Optional.of(messageId));
            }
        });
    }

    private void publishMessage(
            String id,
            ClientAction.SendMessage send,
            String content,
            Map<String, String> attributes,
            ServerFrame.Sender sender) {
        Instant now = runtime.clock().instant();
        var frame = new ServerFrame.Message(id, send.requestId(), content, attributes, now, sender);
        EncodedFrame encoded = runtime.encoder().encode(frame);
        log(encoded, now);
        runtime.bus().publish(id(), new BusMessage.Deliver(encoded));
    }

    /** Sends an application event to the room (the SendEvent API); returns the event id. */
    public String sendEvent(String eventName, Map<String, String> attributes) {
        Instant now = runtime.clock().instant();
        var frame = new ServerFrame.Event(runtime.ids().next(), eventName, attributes, Optional.empty(), now);
        EncodedFrame encoded = runtime.encoder().encode(frame);
        log(encoded, now);
        runtime.bus().publish(id(), new BusMessage.Deliver(encoded));
        return frame.id();
    }

    /** Deletes a message (the DeleteMessage API, no reason); returns the event id. */
    public String deleteMessage(String messageId) {
        return deleteMessage(messageId, Optional.empty(), Optional.empty());
    }

    /** Deletes a message with a reason (the DeleteMessage API); returns the event id. */
    public String deleteMessage(String messageId, String reason) {
        return deleteMessage(messageId, Optional.of(reason), Optional.empty());
    }

    private String deleteMessage(String messageId, Optional<String> reason, Optional<String> requestId) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("MessageID", messageId);
        attributes.put("MessageId", messageId);
        reason.ifPresent(r -> attributes.put("Reason", r));
        EncodedFrame event = systemEvent(ServerFrame.DELETE_MESSAGE_EVENT, attributes, requestId);
        runtime.bus().publish(id(), new BusMessage.MessageDeleted(messageId, event));
        return event.id();
    }

    /** Disconnects every connection of {@code userId} on every node (the DisconnectUser API, no reason). */
    public void disconnectUser(String userId) {
        disconnectUser(userId, Optional.empty(), Optional.empty());
    }

    /** Disconnects every connection of {@code userId} on every node, with a reason (the DisconnectUser API). */
    public void disconnectUser(String userId, String reason) {
        disconnectUser(userId, Optional.of(reason), Optional.empty());
    }

    private void disconnectUser(String userId, Optional<String> reason, Optional<String> requestId) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("UserId", userId);
        reason.ifPresent(r -> attributes.put("Reason", r));
        EncodedFrame event = systemEvent(ServerFrame.DISCONNECT_USER_EVENT, attributes, requestId);
        runtime.bus().publish(id(), new BusMessage.UserDisconnected(userId, event));
    }

    private EncodedFrame systemEvent(String name, Map<String, String> attributes, Optional<String> requestId) {
        Instant now = runtime.clock().instant();
        var frame = new ServerFrame.Event(runtime.ids().next(), name, attributes, requestId, now);
        EncodedFrame encoded = runtime.encoder().encode(frame);
        log(encoded, now);
        return encoded;
    }

    private void log(EncodedFrame frame, Instant now) {
        for (ChatLogSink sink : state.settings().logSinks()) {
            sink.offer(new ChatLogRecord(id(), now, frame));
        }
    }

    private void onBusMessage(BusMessage message) {
        State current = state;
        switch (message) {
            case BusMessage.Deliver deliver -> {
                if (deliver.frame().type() == FrameType.MESSAGE) {
                    current.history().add(deliver.frame());
                }
                members.deliver(deliver.frame());
            }
            case BusMessage.MessageDeleted deleted -> {
                current.history().remove(deleted.messageId());
                members.deliver(deleted.frame());
            }
            case BusMessage.UserDisconnected kicked -> {
                members.deliver(kicked.frame());
                members.disconnectUser(kicked.userId(), DisconnectCause.DISCONNECTED_BY_MODERATOR);
            }
        }
    }

    private void sendError(ChatConnection connection, ChatException error, Optional<String> frameId) {
        EncodedFrame frame = runtime.encoder().encode(error.toFrame(frameId.orElseGet(runtime.ids()::next)));
        members.sendOrDrop(connection, frame);
    }

    private static ChatException error(ChatErrorCode code, String message, ClientAction action) {
        return ChatException.of(code, message, action.requestId());
    }

    /** Disconnects everyone here and stops receiving from the bus. Log sinks are owned (and closed) by the engine. */
    void close() {
        subscription.close();
        members.disconnectAll(DisconnectCause.ROOM_CLOSED);
    }
}
