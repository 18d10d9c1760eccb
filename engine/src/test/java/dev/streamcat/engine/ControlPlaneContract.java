package dev.streamcat.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.api.ConflictException;
import dev.streamcat.api.ResourceNotFoundException;
import dev.streamcat.api.ServiceQuotaExceededException;
import dev.streamcat.api.ValidationException;
import dev.streamcat.api.ivs.*;
import dev.streamcat.api.ivschat.*;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.testing.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control plane's behaviour through the Java API the app uses, run against each database
 * (H2 and PostgreSQL subclasses).
 */
abstract class ControlPlaneContract {
    private EngineFixture fixture;

    abstract TestDatabases.Jdbc database();

    @BeforeEach
    void startEngine() {
        fixture = EngineFixture.on(database());
    }

    @AfterEach
    void stopEngine() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Ivs ivs() {
        return fixture.engine().ivs();
    }

    private IvsChat chat() {
        return fixture.engine().ivsChat();
    }

    private static CreateChannelRequest channelNamed(String name) {
        return new CreateChannelRequest(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static CreateRoomRequest roomNamed(String name) {
        return new CreateRoomRequest(name, null, null, null, null, null);
    }

    @Test
    void createsChannelWithIvsDefaultsAndOneStreamKey() {
        CreateChannelResponse created = ivs().createChannel(channelNamed("alice"));
        Channel channel = created.channel();
        assertThat(channel.arn()).matches("arn:aws:ivs:us-west-2:123456789012:channel/[a-zA-Z0-9]{12}");
        assertThat(channel.type()).isEqualTo("STANDARD");
        assertThat(channel.latencyMode()).isEqualTo("LOW");
        assertThat(channel.preset()).isEmpty();
        assertThat(channel.playbackUrl())
                .endsWith(".channel." + channel.arn().substring(channel.arn().lastIndexOf('/') + 1) + ".m3u8");
        assertThat(created.streamKey().value()).matches("sk_us-west-2_[a-zA-Z0-9]{12}_[a-zA-Z0-9]{30}");
        assertThat(fixture.engine()
                        .ivsService()
                        .channelArnOfStreamKey(created.streamKey().value()))
                .contains(channel.arn());
        assertThatThrownBy(() -> ivs().createStreamKey(new CreateStreamKeyRequest(channel.arn(), null)))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void rejectsInvalidSettingsNamingEachField() {
        assertThatThrownBy(() -> ivs().createChannel(new CreateChannelRequest(
                        "bad name", "FAST", "GOLD", null, null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .extracting(ValidationException.Field::name)
                        .containsExactly("name", "latencyMode", "type"));
        assertThatThrownBy(() -> ivs().createChannel(new CreateChannelRequest(
                        null,
                        null,
                        "BASIC",
                        null,
                        null,
                        null,
                        null,
                        "HIGHER_BANDWIDTH_DELIVERY",
                        null,
                        null,
                        null,
                        null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("preset");
        assertThatThrownBy(() -> chat().createRoom(new CreateRoomRequest(null, 0, 501, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                        .extracting(ValidationException.Field::name)
                        .containsExactly("maximumMessageRatePerSecond", "maximumMessageLength"));
        assertThatThrownBy(
                        () -> ivs().listChannels(new ListChannelsRequest(null, null, null, null, "not-a-token", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nextToken");
        assertThatThrownBy(() -> chat().createRoom(new CreateRoomRequest(
                        "r",
                        null,
                        null,
                        null,
                        null,
                        List.of("arn:aws:ivschat:us-west-2:123456789012:logging-configuration/AAAAAAAAAAAA"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void paginatesChannelsWithoutGapsOrRepeats() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(ivs().createChannel(channelNamed("paged")).channel().arn());
        }
        ivs().createChannel(channelNamed("other"));
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            ListChannelsResponse page =
                    ivs().listChannels(new ListChannelsRequest("paged", null, null, null, token, 3));
            sizes.add(page.channels().size());
            page.channels().forEach(c -> seen.add(c.arn()));
            token = page.nextToken();
        } while (token != null);
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listsRoomsNewestUpdateFirstAcrossPages() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arns.add(chat().createRoom(roomNamed("ordered")).arn());
            // Rooms created in the same millisecond tie on updateTime (then order by id): keep the times apart.
            fixture.clock().advance(java.time.Duration.ofMillis(2));
        }
        chat().updateRoom(new UpdateRoomRequest(arns.getFirst(), null, 20, null, null, null));
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            ListRoomsResponse page = chat().listRooms(new ListRoomsRequest("ordered", token, 2, null, null));
            page.rooms().forEach(r -> seen.add(r.arn()));
            token = page.nextToken();
        } while (token != null);
        List<String> expected = new ArrayList<>(arns.subList(1, 5).reversed());
        expected.addFirst(arns.getFirst());
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void keepsEveryResourceAcrossRestart() {
        var recording = ivs().createRecordingConfiguration(new CreateRecordingConfigurationRequest(
                        "rec",
                        new dev.streamcat.api.ivs.DestinationConfiguration(
                                new dev.streamcat.api.ivs.S3DestinationConfiguration("vod")),
                        Map.of("k", "v"),
                        null,
                        30,
                        null))
                .recordingConfiguration();
        CreateChannelResponse channel = ivs().createChannel(new CreateChannelRequest(
                "persisted",
                null,
                "BASIC",
                null,
                recording.arn(),
                Map.of("project", "streamcat"),
                null,
                null,
                null,
                null,
                null,
                null));
        LoggingConfiguration logging = chat().createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                "logs",
                new dev.streamcat.api.ivschat.DestinationConfiguration(
                        null, new CloudWatchLogsDestinationConfiguration("streamcat-chat"), null),
                Map.of()));
        Room room = chat().createRoom(new CreateRoomRequest(
                "persisted",
                5,
                200,
                new MessageReviewHandler("arn:aws:lambda:us-west-2:123456789012:function:streamcat-profanity", "DENY"),
                Map.of("a", "b"),
                List.of(logging.arn())));

        fixture.restart();

        assertThat(ivs().getChannel(new GetChannelRequest(channel.channel().arn()))
                        .channel())
                .isEqualTo(channel.channel());
        assertThat(ivs().getStreamKey(
                                new GetStreamKeyRequest(channel.streamKey().arn()))
                        .streamKey())
                .isEqualTo(channel.streamKey());
        assertThat(ivs().getRecordingConfiguration(new GetRecordingConfigurationRequest(recording.arn()))
                        .recordingConfiguration())
                .isEqualTo(recording);
        assertThat(chat().getRoom(new GetRoomRequest(room.arn()))).isEqualTo(room);
        assertThat(chat().getLoggingConfiguration(new GetLoggingConfigurationRequest(logging.arn())))
                .isEqualTo(logging);
        assertThat(fixture.engine()
                        .ivsService()
                        .channelArnOfStreamKey(channel.streamKey().value()))
                .contains(channel.channel().arn());
    }

    @Test
    void deletingAChannelRemovesItsKeysAndTags() {
        CreateChannelResponse created = ivs().createChannel(channelNamed("short-lived"));
        ivs().tagResource(new TagResourceRequest(created.streamKey().arn(), Map.of("x", "y")));
        ivs().deleteChannel(new DeleteChannelRequest(created.channel().arn()));
        assertThat(fixture.engine()
                        .ivsService()
                        .channelArnOfStreamKey(created.streamKey().value()))
                .isEmpty();
        assertThatThrownBy(() -> ivs().listTagsForResource(new ListTagsForResourceRequest(
                        created.streamKey().arn())))
                .isInstanceOf(ResourceNotFoundException.class);
        CreateChannelResponse again = ivs().createChannel(channelNamed("short-lived"));
        assertThat(ivs().listTagsForResource(
                                new ListTagsForResourceRequest(again.channel().arn()))
                        .tags())
                .isEmpty();
    }

    @Test
    void refusesDeletingAttachedConfigurations() {
        LoggingConfiguration logging = chat().createLoggingConfiguration(new CreateLoggingConfigurationRequest(
                null,
                new dev.streamcat.api.ivschat.DestinationConfiguration(
                        new dev.streamcat.api.ivschat.S3DestinationConfiguration("logs"), null, null),
                null));
        Room room = chat().createRoom(new CreateRoomRequest(null, null, null, null, null, List.of(logging.arn())));
        assertThatThrownBy(
                        () -> chat().deleteLoggingConfiguration(new DeleteLoggingConfigurationRequest(logging.arn())))
                .isInstanceOf(ConflictException.class);
        chat().deleteRoom(new DeleteRoomRequest(room.arn()));
        chat().deleteLoggingConfiguration(new DeleteLoggingConfigurationRequest(logging.arn()));
    }
}
