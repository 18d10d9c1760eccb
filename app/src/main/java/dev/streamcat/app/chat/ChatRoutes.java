package dev.streamcat.app.chat;

import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ivschat.CreateChatTokenRequest;
import dev.streamcat.api.ivschat.CreateChatTokenResponse;
import dev.streamcat.api.ivschat.DisconnectUserRequest;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.app.channel.Channel;
import dev.streamcat.app.channel.ChannelStore;
import dev.streamcat.app.web.Blocking;
import dev.streamcat.app.web.HttpFailure;
import dev.streamcat.app.web.Json;
import dev.streamcat.app.web.Session;
import dev.streamcat.app.web.Sessions;
import dev.streamcat.app.web.SignedInUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/chat/token} and {@code POST /api/chat/ban} (both JSON, CSRF header).
 *
 * <p>Tokens are issued only for the room of the named channel (the sample issued them for any room
 * ARN). Signed-in users chat by name with {@code SEND_MESSAGE}; the owner also gets {@code
 * DELETE_MESSAGE} and {@code DISCONNECT_USER}; banned users and guests of channels without guest chat
 * get a read-only token; guests keep one {@code Guest<nnn>} identity per session. Thread-safe;
 * handlers run on the event loop, {@code IvsChat} calls on workers.
 */
public final class ChatRoutes {
    private final Sessions sessions;
    private final Blocking blocking;
    private final IvsChat chat;
    private final ChannelStore channels;
    private final ChatBanStore bans;
    private final String chatUrl;

    public ChatRoutes(
            Sessions sessions,
            Blocking blocking,
            IvsChat chat,
            ChannelStore channels,
            ChatBanStore bans,
            String chatUrl) {
        this.sessions = sessions;
        this.blocking = blocking;
        this.chat = chat;
        this.channels = channels;
        this.bans = bans;
        this.chatUrl = chatUrl;
    }

    public void mount(Router router) {
        router.post("/api/chat/token").handler(this::token);
        router.post("/api/chat/ban").handler(this::ban);
    }

    /** Who is asking for a token. */
    private record Chatter(String userId, String username, boolean guest) {}

    private void token(RoutingContext ctx) {
        String name = Json.body(ctx).getString("channel", "");
        Session session = Sessions.current(ctx).orElseThrow(() -> HttpFailure.forbidden("No session."));
        (session.user().isPresent()
                        ? io.vertx.core.Future.succeededFuture(
                                member(session.user().get()))
                        : sessions.guestId(session).map(ChatRoutes::guest))
                .compose(chatter -> blocking.call(() -> issue(name, chatter, session.user())))
                .compose(json -> Json.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private JsonObject issue(String channelName, Chatter chatter, java.util.Optional<SignedInUser> user) {
        Channel channel = channels.byName(channelName).orElseThrow(() -> HttpFailure.notFound("No such channel."));
        boolean owner = user.map(u -> u.id() == channel.userId()).orElse(false);
        boolean banned = !owner && bans.banned(channel.id(), chatter.userId());
        boolean canSend = !banned && (!chatter.guest() || channel.allowGuestChat());
        List<String> capabilities = new ArrayList<>();
        if (canSend) {
            capabilities.add("SEND_MESSAGE");
        }
        if (owner) {
            capabilities.addAll(List.of("DELETE_MESSAGE", "DISCONNECT_USER"));
        }
        CreateChatTokenResponse token = chat.createChatToken(new CreateChatTokenRequest(
                channel.chatRoomArn(),
                chatter.userId(),
                capabilities,
                60,
                Map.of("username", chatter.username(), "isGuest", Boolean.toString(chatter.guest()))));
        String readOnlyReason = banned
                ? "You have been banned from this chat."
                : canSend ? "" : "Log in to chat. This channel does not allow guests to post.";
        return new JsonObject()
                .put("token", token.token())
                .put("chatUrl", chatUrl)
                .put("userId", chatter.userId())
                .put("username", chatter.username())
                .put("owner", owner)
                .put("canSend", canSend)
                .put("readOnlyReason", readOnlyReason)
                .put("sessionExpirationTime", token.sessionExpirationTime().toString());
    }

    private void ban(RoutingContext ctx) {
        SignedInUser user = Sessions.user(ctx).orElseThrow(() -> new HttpFailure(401, "Log in first."));
        JsonObject body = Json.body(ctx);
        String name = body.getString("channel", "");
        String target = body.getString("userId", "");
        if (target.isEmpty() || target.length() > 128) {
            throw HttpFailure.badRequest("Name a chat user to ban.");
        }
        blocking.call(() -> {
                    Channel channel = channels.byName(name).orElseThrow(() -> HttpFailure.notFound("No such channel."));
                    if (channel.userId() != user.id()) {
                        throw HttpFailure.forbidden("Only the channel owner can ban chat users.");
                    }
                    if (target.equals(Long.toString(user.id()))) {
                        throw HttpFailure.badRequest("You cannot ban yourself.");
                    }
                    bans.ban(channel.id(), target);
                    try {
                        chat.disconnectUser(new DisconnectUserRequest(
                                channel.chatRoomArn(), target, "Banned by the channel owner"));
                    } catch (ResourceNotFoundException e) {
                        // Not connected right now: the ban still applies to the next token.
                    }
                    return new JsonObject().put("banned", target);
                })
                .compose(json -> Json.ok(ctx, json))
                .onFailure(ctx::fail);
    }

    private static Chatter member(SignedInUser user) {
        return new Chatter(Long.toString(user.id()), user.username(), false);
    }

    /** {@code Guest} and three digits, stable for the session's guest id. */
    static Chatter guest(String guestId) {
        int number = 100 + Math.floorMod(guestId.hashCode(), 900);
        return new Chatter(guestId, "Guest" + number, true);
    }
}
