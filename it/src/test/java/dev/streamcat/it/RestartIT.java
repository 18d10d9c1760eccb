package dev.streamcat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamcat.api.ivs.CreateChannelRequest;
import dev.streamcat.api.ivs.CreateChannelResponse;
import dev.streamcat.api.ivs.GetChannelRequest;
import dev.streamcat.api.ivschat.CreateRoomRequest;
import dev.streamcat.api.ivschat.GetRoomRequest;
import dev.streamcat.api.ivschat.Room;
import dev.streamcat.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the control plane holds survives a restart of the whole process, on H2 and PostgreSQL. */
class RestartIT {
    @TempDir
    Path dataDir;

    private void survivesRestart(TestDatabases.Jdbc database) {
        try (RunningServer server = new RunningServer(dataDir, database)) {
            var ivs = server.server().engine().ivs();
            CreateChannelResponse channel = ivs.createChannel(new CreateChannelRequest(
                    "restart",
                    null,
                    "BASIC",
                    null,
                    null,
                    Map.of("project", "streamcat"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
            Room room = server.server()
                    .engine()
                    .ivsChat()
                    .createRoom(new CreateRoomRequest("restart", 7, 300, null, Map.of("k", "v"), null));
            server.restart();
            assertThat(server.server()
                            .engine()
                            .ivs()
                            .getChannel(new GetChannelRequest(channel.channel().arn()))
                            .channel())
                    .isEqualTo(channel.channel());
            assertThat(server.server().engine().ivsChat().getRoom(new GetRoomRequest(room.arn())))
                    .isEqualTo(room);
        }
    }

    @Test
    void keepsResourcesOnTheEmbeddedDatabase() {
        survivesRestart(TestDatabases.h2File(dataDir));
    }

    @Test
    void keepsResourcesOnPostgresql() {
        survivesRestart(TestDatabases.postgres());
    }
}
