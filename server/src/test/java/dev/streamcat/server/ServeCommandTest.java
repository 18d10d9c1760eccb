package dev.streamcat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamcat.engine.storage.S3Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    private static ServerConfig config(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine cli = StreamCat.commandLine(all, env);
        CommandLine.ParseResult parsed = cli.parseArgs(all);
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        return serve.toConfig();
    }

    @Test
    void usesTheDocumentedDefaults() {
        ServerConfig config = config(Map.of());
        assertThat(config.appPort()).isEqualTo(8080);
        assertThat(config.enginePort()).isEqualTo(8081);
        assertThat(config.rtmpPort()).isEqualTo(1935);
        assertThat(config.dataDir())
                .isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(config.database().jdbcUrl())
                .startsWith("jdbc:h2:file:" + config.dataDir().resolve("streamcat"));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accessKeys()).isEmpty();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() throws Exception {
        Path file = dir.resolve("streamcat.properties");
        Files.writeString(file, "engine-port=9001\nregion=eu-west-1\npublic-host=files.example\n");
        ServerConfig config = config(
                Map.of("STREAMCAT_REGION", "ap-south-1", "STREAMCAT_CONFIG", file.toString()),
                "--public-host",
                "flag.example");
        assertThat(config.enginePort()).isEqualTo(9001);
        assertThat(config.region()).isEqualTo("ap-south-1");
        assertThat(config.publicHost()).isEqualTo("flag.example");
    }

    @Test
    void badValuesStopStartUpNamingTheOptionAndItsVariable() {
        assertThatThrownBy(() -> config(Map.of(), "--account-id", "12345"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--account-id (STREAMCAT_ACCOUNT_ID): must be exactly 12 digits (got '12345')");
        assertThatThrownBy(() -> config(Map.of("STREAMCAT_ENGINE_PORT", "http")))
                .hasMessageStartingWith("--engine-port (STREAMCAT_ENGINE_PORT): must be a port number");
        assertThatThrownBy(() -> config(Map.of(), "--app-port", "8081")).hasMessageContaining("ports must differ");
        assertThatThrownBy(() -> config(Map.of(), "--region", "Mars"))
                .hasMessageStartingWith("--region (STREAMCAT_REGION)");
        assertThatThrownBy(() -> config(Map.of(), "--database-url", "jdbc:mysql://x"))
                .hasMessageStartingWith("--database-url (STREAMCAT_DATABASE_URL)");
        assertThatThrownBy(() -> config(Map.of("STREAMCAT_ACCESS_KEY_ID", "SCAKONLYHALFGIVEN000")))
                .hasMessageContaining("must be set together");
    }

    @Test
    void mapsChatOptionsIntoTheGatewayConfiguration() throws Exception {
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "heck\n");
        ServerConfig config = config(
                Map.of("STREAMCAT_CHAT_REVIEW_FUNCTIONS", "mod=https://hooks.example/review,clean=profanity"),
                "--chat-review-secret",
                "s3cret",
                "--chat-profanity-words",
                words.toString(),
                "--chat-blocked-terms",
                "spam, scam",
                "--chat-allowed-link-domains",
                "example.com",
                "--chat-history",
                "50",
                "--chat-firehose-endpoints",
                "chat-stream=https://firehose.example/ingest,*=https://fallback.example",
                "--app-secure-cookies",
                "true");
        var chat = config.chat();
        assertThat(chat.review().functions())
                .containsEntry("mod", "https://hooks.example/review")
                .containsEntry("clean", "profanity");
        assertThat(chat.review().webhookSecret()).contains("s3cret");
        assertThat(chat.profanityWords()).contains(words.toAbsolutePath());
        assertThat(chat.blockedTerms().terms()).containsExactly("spam", "scam");
        assertThat(chat.blockedTerms().allowedDomains()).containsExactly("example.com");
        assertThat(chat.historySize()).isEqualTo(50);
        assertThat(chat.firehose().endpoint("chat-stream"))
                .hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("firehose.example"));
        assertThat(chat.firehose().endpoint("other"))
                .hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("fallback.example"));
        assertThat(config.appSecureCookies()).isTrue();
    }

    @Test
    void refusesBadChatOptionsNamingThem() {
        assertThatThrownBy(() -> config(Map.of(), "--chat-review-functions", "mod=ftp://x"))
                .hasMessageStartingWith("--chat-review-functions (STREAMCAT_CHAT_REVIEW_FUNCTIONS)");
        assertThatThrownBy(() -> config(Map.of(), "--chat-review-functions", "justaname"))
                .hasMessageContaining("name=value");
        assertThatThrownBy(() -> config(Map.of(), "--chat-history", "5000"))
                .hasMessageStartingWith("--chat-history (STREAMCAT_CHAT_HISTORY)");
        assertThatThrownBy(() -> config(Map.of(), "--chat-profanity-words", "/nonexistent/words.txt"))
                .hasMessageStartingWith("--chat-profanity-words");
        assertThatThrownBy(() -> config(Map.of(), "--app-secure-cookies", "yes"))
                .hasMessageStartingWith("--app-secure-cookies");
    }

    @Test
    void derivesPlaybackAndChatUrlsFromThePublicEngineUrl() throws Exception {
        ServerConfig plain = config(Map.of(), "--public-host", "video.example.com");
        assertThat(plain.playbackBaseUrl(8081)).isEqualTo("http://video.example.com:8081");
        assertThat(plain.chatUrl(8081)).isEqualTo("ws://video.example.com:8081");
        assertThat(plain.appTrustProxyHeaders()).isFalse();

        ServerConfig proxied = config(
                Map.of("STREAMCAT_PUBLIC_ENGINE_URL", "https://live.example.com/"),
                "--app-trust-proxy-headers",
                "true");
        assertThat(proxied.playbackBaseUrl(8081)).isEqualTo("https://live.example.com");
        assertThat(proxied.chatUrl(8081)).isEqualTo("wss://live.example.com");
        assertThat(proxied.appTrustProxyHeaders()).isTrue();
    }

    @Test
    void rtmpReadPacingIsOnUnlessTurnedOff() throws Exception {
        assertThat(config(Map.of()).rtmpReadPacing()).isTrue();
        assertThat(config(Map.of("STREAMCAT_RTMP_READ_PACING", "false")).rtmpReadPacing())
                .isFalse();
        assertThat(config(Map.of(), "--rtmp-read-pacing", "false").rtmpReadPacing())
                .isFalse();
        assertThatThrownBy(() -> config(Map.of(), "--rtmp-read-pacing", "sometimes"))
                .hasMessageStartingWith("--rtmp-read-pacing");
    }

    @Test
    void refusesAPublicEngineUrlThatIsNotAnOrigin() {
        for (String bad : List.of("ftp://x.example", "https://x.example/video", "https://x.example?a=b", "x.example")) {
            assertThatThrownBy(() -> config(Map.of(), "--public-engine-url", bad))
                    .as(bad)
                    .hasMessageStartingWith("--public-engine-url (STREAMCAT_PUBLIC_ENGINE_URL)");
        }
        assertThatThrownBy(() -> config(Map.of(), "--app-trust-proxy-headers", "maybe"))
                .hasMessageStartingWith("--app-trust-proxy-headers");
    }

    @Test
    void mapsS3OptionsIntoTheEndpointChatLogsUploadTo() throws Exception {
        assertThat(config(Map.of()).chat().s3()).isEmpty();

        var s3 = config(
                        Map.of(
                                "STREAMCAT_S3_ACCESS_KEY_ID", "MINIOKEY",
                                "STREAMCAT_S3_SECRET_ACCESS_KEY", "minio-secret"),
                        "--region",
                        "eu-west-1",
                        "--s3-endpoint",
                        "http://127.0.0.1:9000")
                .chat()
                .s3()
                .orElseThrow();
        assertThat(s3.url()).hasToString("http://127.0.0.1:9000");
        assertThat(s3.region()).isEqualTo("eu-west-1");
        assertThat(s3.credentials()).contains(new S3Endpoint.Credentials("MINIOKEY", "minio-secret"));
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.toString()).doesNotContain("minio-secret");

        Path file = dir.resolve("s3.properties");
        Files.writeString(file, "s3-endpoint=https://s3.eu-central-1.amazonaws.com\ns3-region=eu-central-1\n");
        var aws = config(Map.of("STREAMCAT_CONFIG", file.toString()), "--s3-path-style", "false")
                .chat()
                .s3()
                .orElseThrow();
        assertThat(aws.region()).isEqualTo("eu-central-1");
        assertThat(aws.credentials()).isEmpty();
        assertThat(aws.pathStyle()).isFalse();
    }

    @Test
    void refusesBadS3OptionsNamingThem() {
        assertThatThrownBy(() -> config(Map.of(), "--s3-endpoint", "s3.example.com"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--s3-endpoint (STREAMCAT_S3_ENDPOINT): must be an http:// or https:// URL (got"
                        + " 's3.example.com')");
        assertThatThrownBy(() -> config(Map.of(), "--s3-endpoint", "http://127.0.0.1:9000/chat-logs"))
                .hasMessageStartingWith("--s3-endpoint (STREAMCAT_S3_ENDPOINT): must be a base URL without path");
        assertThatThrownBy(() -> config(Map.of(), "--s3-endpoint", "http://127.0.0.1:9000", "--s3-region", "EU"))
                .hasMessage("--s3-region (STREAMCAT_S3_REGION): region must look like us-east-1 (got 'EU')");
        assertThatThrownBy(() -> config(
                        Map.of("STREAMCAT_S3_ACCESS_KEY_ID", "MINIOKEY"), "--s3-endpoint", "http://127.0.0.1:9000"))
                .hasMessage("--s3-access-key-id (STREAMCAT_S3_ACCESS_KEY_ID): --s3-access-key-id and"
                        + " --s3-secret-access-key must be set together");
        assertThatThrownBy(() -> config(Map.of(), "--s3-region", "eu-west-1"))
                .hasMessage("--s3-endpoint (STREAMCAT_S3_ENDPOINT): must be set when --s3-region or S3 credentials"
                        + " are given");
        assertThatThrownBy(() -> config(Map.of(), "--s3-endpoint", "http://127.0.0.1:9000", "--s3-path-style", "1"))
                .hasMessageStartingWith("--s3-path-style (STREAMCAT_S3_PATH_STYLE): must be true or false");
    }

    @Test
    void refusesUnknownKeysInTheConfigFile() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "engine_port=9001\n");
        assertThatThrownBy(() -> config(Map.of(), "--config", file.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown option 'engine_port'");
    }

    @Test
    void exitsWithCode2OnBadConfiguration() {
        assertThat(StreamCat.run(new String[] {"serve", "--account-id", "x", "--data-dir", dir.toString()}, Map.of()))
                .isEqualTo(2);
    }

    @Test
    void generatesCredentialsOnceAndKeepsThemPrivate() throws Exception {
        CredentialsStore.Loaded first = CredentialsStore.loadOrGenerate(dir);
        CredentialsStore.Loaded second = CredentialsStore.loadOrGenerate(dir);
        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.credentials()).isEqualTo(first.credentials());
        assertThat(Files.getPosixFilePermissions(dir.resolve(CredentialsStore.FILE))
                        .toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(first.credentials().toString())
                .doesNotContain(first.credentials().secretAccessKey());
    }
}
