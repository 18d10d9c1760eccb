package dev.streamcat.chat.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.limit.RoomLimits;
import dev.streamcat.chat.protocol.ActionLimits;
import dev.streamcat.chat.protocol.ActionParser;
import dev.streamcat.chat.protocol.FrameEncoder;
import dev.streamcat.chat.review.FallbackResult;
import dev.streamcat.chat.review.MessageReviewer;
import dev.streamcat.chat.review.ProfanityCensor;
import dev.streamcat.chat.review.ReviewVerdict;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RoomTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00.123456789Z");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger idCounter = new AtomicInteger();
    private final InProcessChatBus bus = new InProcessChatBus();
    private final ChatRuntime runtime = new ChatRuntime(
            bus,
            new ActionParser(ActionLimits.defaults()),
            new FrameEncoder(),
            () -> String.format("Id%010d", idCounter.incrementAndGet()),
            InstantSource.fixed(NOW),
            nanos::get,
            new FloodGuard.FloodPolicy(20, 40, 1, 5));
    private final RoomRegistry registry = new RoomRegistry(runtime);
    private final Room room =
            registry.open(RoomSettings.of("room1", "arn:aws:ivschat:us-west-2:123456789012:room/room1"));

    @Test
    void deliversAMessageToEveryConnectionIncludingTheSender() {
        var alice = FakeConnection.sender("alice");
        var bob = FakeConnection.viewer("bob");
        room.join(alice);
        room.join(bob);

        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r1\",\"Content\":\"hi\"}");

        String expected = "{\"Type\":\"MESSAGE\",\"Id\":\"Id0000000001\",\"RequestId\":\"r1\",\"Content\":\"hi\","
                + "\"Attributes\":{},\"SendTime\":\"2024-03-01T12:00:00.123456789Z\","
                + "\"Sender\":{\"UserId\":\"alice\",\"Attributes\":{\"username\":\"user-alice\"}}}";
        assertThat(alice.texts()).containsExactly(expected);
        assertThat(bob.texts()).containsExactly(expected);
    }

    @Test
    void answers403WithoutTheCapability() {
        var viewer = FakeConnection.viewer("v");
        room.join(viewer);

        room.handle(viewer, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r2\",\"Content\":\"hi\"}");
        room.handle(viewer, "{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"AbCdEfGhIjKl\"}");

        assertThat(viewer.texts()).hasSize(2).allSatisfy(text -> assertThat(text)
                .contains("\"ErrorCode\":403"));
        assertThat(viewer.texts().getFirst()).contains("\"RequestId\":\"r2\"");
    }

    @Test
    void answers400And413ForBadFrames() {
        var alice = FakeConnection.sender("alice");
        room.join(alice);

        room.handle(alice, "{not json");
        room.handle(
                alice, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r3\",\"Content\":\"" + "x".repeat(501) + "\"}");

        assertThat(alice.texts().get(0)).contains("\"ErrorCode\":400");
        assertThat(alice.texts().get(1)).contains("\"RequestId\":\"r3\"", "\"ErrorCode\":413");
    }

    @Test
    void enforcesTheRoomMessageLengthInCodePoints() {
        registry.open(room.settings().withLimits(new RoomLimits(10, 5)));
        var alice = FakeConnection.sender("alice");
        room.join(alice);

        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"🐱🐱🐱🐱🐱\"}");
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"e\u0301e\u0301e\"}");
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"🐱🐱🐱🐱🐱🐱\"}");

        assertThat(alice.texts()).hasSize(3);
        assertThat(alice.texts().get(0)).contains("\"Type\":\"MESSAGE\"");
        assertThat(alice.texts().get(1)).contains("\"Type\":\"MESSAGE\"");
        assertThat(alice.texts().get(2)).contains("\"ErrorCode\":413");
    }

    @Test
    void answers429WhenTheRoomRateIsExceededByAllSendersTogether() {
        registry.open(room.settings().withLimits(new RoomLimits(2, 500)));
        var alice = FakeConnection.sender("alice");
        var bob = FakeConnection.sender("bob");
        room.join(alice);
        room.join(bob);

        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"1\"}");
        room.handle(bob, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"2\"}");
        room.handle(bob, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r4\",\"Content\":\"3\"}");
        nanos.addAndGet(1_000_000_000L);
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"4\"}");

        assertThat(bob.texts()).hasSize(4);
        assertThat(bob.texts().get(2)).contains("\"RequestId\":\"r4\"", "\"ErrorCode\":429");
        assertThat(bob.texts().get(3)).contains("\"Content\":\"4\"");
    }

    @Test
    void answers406WhenReviewDeniesAndDeliversRewrittenContentOtherwise() {
        registry.open(room.settings()
                .withReviewer(MessageReviewer.of(ProfanityCensor.of(List.of("darn")), FallbackResult.ALLOW)));
        var alice = FakeConnection.sender("alice");
        room.join(alice);
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"darn it\"}");
        assertThat(alice.last()).contains("\"Content\":\"@#$%&! it\"");

        registry.open(room.settings()
                .withReviewer(MessageReviewer.of(
                        request -> CompletableFuture.completedFuture(new ReviewVerdict.Deny()), FallbackResult.ALLOW)));
        var bob = FakeConnection.viewer("bob");
        room.join(bob);
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r5\",\"Content\":\"nope\"}");

        assertThat(alice.last()).contains("\"Type\":\"ERROR\"", "\"RequestId\":\"r5\"", "\"ErrorCode\":406");
        assertThat(bob.texts()).isEmpty();
    }

    @Test
    void answers500WhenDeliveryFailsUnexpectedly() {
        var failingRegistry = new RoomRegistry(new ChatRuntime(
                new ChatBus() {
                    @Override
                    public void publish(String roomId, BusMessage message) {
                        throw new IllegalStateException("bus down");
                    }

                    @Override
                    public Subscription subscribe(String roomId, Listener listener) {
                        return () -> {};
                    }
                },
                runtime.parser(),
                runtime.encoder(),
                runtime.ids(),
                runtime.clock(),
                runtime.ticker(),
                runtime.floodPolicy()));
        Room broken = failingRegistry.open(RoomSettings.of("room2", "arn"));
        var alice = FakeConnection.sender("alice");
        broken.join(alice);

        broken.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r6\",\"Content\":\"hi\"}");

        assertThat(alice.last()).contains("\"RequestId\":\"r6\"", "\"ErrorCode\":500");
    }

    @Test
    void deleteMessageSendsTheEventToEveryone() {
        var mod = FakeConnection.moderator("mod");
        var bob = FakeConnection.viewer("bob");
        room.join(mod);
        room.join(bob);

        room.handle(
                mod,
                "{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"AbCdEfGhIjKl\",\"Reason\":\"spam\",\"RequestId\":\"r7\"}");

        String expected = "{\"Type\":\"EVENT\",\"Id\":\"Id0000000001\",\"EventName\":\"aws:DELETE_MESSAGE\","
                + "\"Attributes\":{\"MessageID\":\"AbCdEfGhIjKl\",\"MessageId\":\"AbCdEfGhIjKl\",\"Reason\":\"spam\"},"
                + "\"RequestId\":\"r7\",\"SendTime\":\"2024-03-01T12:00:00.123456789Z\"}";
        assertThat(mod.texts()).containsExactly(expected);
        assertThat(bob.texts()).containsExactly(expected);
    }

    @Test
    void disconnectUserClosesAllConnectionsOfThatUserAfterTheEvent() {
        var mod = FakeConnection.moderator("mod");
        var troll1 = FakeConnection.sender("troll");
        var troll2 = FakeConnection.sender("troll");
        room.join(mod);
        room.join(troll1);
        room.join(troll2);

        room.handle(mod, "{\"Action\":\"DISCONNECT_USER\",\"UserId\":\"troll\"}");

        assertThat(troll1.texts())
                .singleElement()
                .asString()
                .contains("\"EventName\":\"aws:DISCONNECT_USER\"", "\"Attributes\":{\"UserId\":\"troll\"}");
        assertThat(troll1.disconnected()).contains(DisconnectCause.DISCONNECTED_BY_MODERATOR);
        assertThat(troll2.disconnected()).contains(DisconnectCause.DISCONNECTED_BY_MODERATOR);
        assertThat(mod.disconnected()).isEmpty();
        assertThat(room.connectionCount()).isEqualTo(1);
    }

    @Test
    void dropsASlowConsumerWithoutHurtingOthers() {
        var slow = new FakeConnection("slow", java.util.Set.of(), 1);
        var fast = FakeConnection.viewer("fast");
        room.join(slow);
        room.join(fast);

        room.sendEvent("app:one", java.util.Map.of());
        room.sendEvent("app:two", java.util.Map.of());
        room.sendEvent("app:three", java.util.Map.of());

        assertThat(slow.disconnected()).contains(DisconnectCause.SLOW_CONSUMER);
        assertThat(slow.texts()).hasSize(1);
        assertThat(fast.texts()).hasSize(3);
        assertThat(room.connectionCount()).isEqualTo(1);
    }

    @Test
    void throttlesThenDisconnectsAFlooder() {
        var flooder = FakeConnection.sender("flooder");
        room.join(flooder);
        registry.open(room.settings().withLimits(new RoomLimits(100, 500)));

        for (int i = 0; i < 46; i++) {
            room.handle(flooder, "{\"Action\":\"DELETE_MESSAGE\",\"Id\":\"x\"}");
        }

        assertThat(flooder.texts().stream().filter(t -> t.contains("\"ErrorCode\":429")))
                .hasSize(5);
        assertThat(flooder.disconnected()).contains(DisconnectCause.FLOODING);
        assertThatThrownBy(() -> room.handle(flooder, "{}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replaysRecentMessagesToLateJoinersOnlyWhenEnabled() {
        var alice = FakeConnection.sender("alice");
        room.join(alice);
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"before history\"}");
        registry.open(room.settings().withHistorySize(2));
        for (String content : List.of("one", "two", "three")) {
            room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + content + "\"}");
        }
        room.deleteMessage("Id0000000003", "oops");

        var late = FakeConnection.viewer("late");
        room.join(late);

        assertThat(late.texts()).singleElement().asString().contains("\"Content\":\"three\"");
    }

    @Test
    void sendsNothingToLateJoinersByDefault() {
        var alice = FakeConnection.sender("alice");
        room.join(alice);
        room.handle(alice, "{\"Action\":\"SEND_MESSAGE\",\"Content\":\"hi\"}");

        var late = FakeConnection.viewer("late");
        room.join(late);

        assertThat(late.texts()).isEmpty();
    }

    @Test
    void closingARoomDisconnectsEveryone() {
        var alice = FakeConnection.sender("alice");
        room.join(alice);

        registry.close("room1");

        assertThat(alice.disconnected()).contains(DisconnectCause.ROOM_CLOSED);
        assertThat(registry.room("room1")).isEmpty();
    }
}
