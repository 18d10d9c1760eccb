package dev.streamcat.app.account;

import dev.streamcat.api.AwsServiceException;
import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.api.ivs.DeleteChannelRequest;
import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivschat.CreateRoomRequest;
import dev.streamcat.api.ivschat.DeleteRoomRequest;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.api.ivschat.MessageReviewHandler;
import dev.streamcat.api.ivschat.Room;
import dev.streamcat.app.channel.CategoryStore;
import dev.streamcat.app.channel.ChannelStore;
import dev.streamcat.app.web.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates an account all or nothing: the user row, then an IVS channel ({@code BASIC}, {@code LOW}
 * latency, named after the user), then a chat room (named after the user, profanity review handler
 * with fallback {@code ALLOW}, the app's logging configuration), then the app's channel row. When a
 * step fails, the steps already done are undone in reverse order, so no user, channel or room is
 * left behind, and the person gets a message saying nothing was created.
 *
 * <p>Thread-safe; blocking (Argon2id, JDBC, {@code Ivs}/{@code IvsChat}): call from worker threads.
 */
public final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    static final Map<String, String> TAGS = Map.of("project", "streamcat");

    /** Registration refused or failed; {@code problems} are safe to show to the person. */
    public static final class RegistrationException extends RuntimeException {
        private final List<String> problems;
        private final int status;

        RegistrationException(int status, List<String> problems, @Nullable Throwable cause) {
            super(String.join(" ", problems), cause, false, false);
            this.status = status;
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }

        /** 400 for invalid input, 409 for a taken name, 503 when the engine refused a step. */
        public int status() {
            return status;
        }
    }

    private final UserStore users;
    private final ChannelStore channels;
    private final CategoryStore categories;
    private final PasswordHasher hasher;
    private final Ivs ivs;
    private final IvsChat ivsChat;
    private final String reviewHandlerArn;
    private final String loggingConfigurationArn;

    public Registration(
            UserStore users,
            ChannelStore channels,
            CategoryStore categories,
            PasswordHasher hasher,
            Ivs ivs,
            IvsChat ivsChat,
            String reviewHandlerArn,
            String loggingConfigurationArn) {
        this.users = users;
        this.channels = channels;
        this.categories = categories;
        this.hasher = hasher;
        this.ivs = ivs;
        this.ivsChat = ivsChat;
        this.reviewHandlerArn = reviewHandlerArn;
        this.loggingConfigurationArn = loggingConfigurationArn;
    }

    /** Registers and returns the new user, or throws {@link RegistrationException}. */
    public SignedInUser register(String username, String password) {
        List<String> problems = new ArrayList<>(Credentials.usernameProblems(username));
        problems.addAll(Credentials.passwordProblems(username, password));
        if (!problems.isEmpty()) {
            throw new RegistrationException(400, problems, null);
        }
        if (users.exists(username)) {
            throw taken(null);
        }
        UserStore.User user;
        try {
            user = users.insert(username, hasher.hash(password));
        } catch (UserStore.UsernameTakenException e) {
            throw taken(e);
        }
        List<Runnable> undo = new ArrayList<>();
        undo.add(() -> users.delete(user.id()));
        try {
            CreateChannelResponse created = ivs.createChannel(new CreateChannelRequest(
                    username, "LOW", "BASIC", null, null, TAGS, null, null, null, null, null, null));
            String channelArn = created.channel().arn();
            undo.add(() -> ivs.deleteChannel(new DeleteChannelRequest(channelArn)));
            Room room = ivsChat.createRoom(new CreateRoomRequest(
                    username,
                    null,
                    null,
                    new MessageReviewHandler(reviewHandlerArn, "ALLOW"),
                    TAGS,
                    List.of(loggingConfigurationArn)));
            undo.add(() -> ivsChat.deleteRoom(new DeleteRoomRequest(room.arn())));
            channels.insert(new ChannelStore.NewChannel(
                    user.id(),
                    username,
                    channelArn,
                    created.channel().playbackUrl(),
                    created.streamKey().arn(),
                    room.arn(),
                    username + "'s Live Stream",
                    categories.defaultCategory().id()));
            return new SignedInUser(user.id(), user.username());
        } catch (RuntimeException e) {
            LOG.warn("registration of {} failed, undoing {} step(s): {}", username, undo.size(), e.toString());
            rollBack(undo);
            throw new RegistrationException(
                    503,
                    List.of("We could not set up your channel just now" + reason(e)
                            + ". Nothing was created; please try again in a moment."),
                    e);
        }
    }

    private static void rollBack(List<Runnable> undo) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (RuntimeException e) {
                LOG.error("registration rollback step {} failed; clean up by hand: {}", i, e.toString());
            }
        }
    }

    private static String reason(RuntimeException e) {
        return e instanceof AwsServiceException aws && aws.httpStatus() == 429 ? " (the service is busy)" : "";
    }

    private static RegistrationException taken(@Nullable Throwable cause) {
        return new RegistrationException(409, List.of("That username is taken. Try another one."), cause);
    }
}
