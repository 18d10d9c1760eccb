package dev.streamcat.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.bench.JvmHeap;
import dev.streamcat.bench.LatencyHistogram;
import dev.streamcat.bench.ProcessStats;
import dev.streamcat.bench.SignedApiClient;
import dev.streamcat.bench.ThreadCpu;
import dev.streamcat.engine.auth.Credentials;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Live video load against StreamCat or nginx-rtmp: N paced RTMP publishers of the same pre-encoded
 * FLV, one probed for per-part (LL-HLS) or per-segment (HLS) availability latency (with
 * {@code --probes=K}, the first K streams are followed the same way, to load the playback path like
 * K viewers; the figures are the first stream's), with the
 * server's CPU (from {@code --warmup} seconds into the run until 2 s before its end, so JIT
 * warm-up is left out) and memory (RSS) read from {@code /proc}. With {@code --jvm-heap=true} (a Java
 * server) it also reads the heap in use after a full GC at the end, with every stream still live.
 *
 * <pre>
 * java -cp bench/target/streamcat-bench.jar dev.streamcat.bench.live.LiveLoad --target=streamcat \
 *   --endpoint=http://127.0.0.1:8081 --access-key=.. --secret=.. --region=us-east-1 \
 *   --rtmp=rtmp://127.0.0.1:1935/app --streams=16 --seconds=60 --server-pid=1234 --file=bench/target/bench-720p30.flv
 * java -cp ... LiveLoad --target=nginx --rtmp=rtmp://127.0.0.1:1936/live \
 *   --playlist-template=http://127.0.0.1:8088/hls/{key}.m3u8 --streams=16 --seconds=60 --server-pid=..
 * </pre>
 */
public final class LiveLoad {
    private LiveLoad() {}

    /** One stream to publish: its key and where its playlist is. */
    private record Stream(String key, URI playlist) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        String target = o.getOrDefault("target", "streamcat");
        URI rtmp = URI.create(o.getOrDefault("rtmp", "rtmp://127.0.0.1:1935/app"));
        int count = Integer.parseInt(o.getOrDefault("streams", "1"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int probes = Math.clamp(Integer.parseInt(o.getOrDefault("probes", "1")), 1, count);
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        Path file = Path.of(o.getOrDefault("file", "bench/target/bench-720p30.flv"));
        ensureMedia(file);
        FlvFile flv = FlvFile.read(file);

        List<Stream> streams = target.equals("streamcat") ? createChannels(o, count) : nginxStreams(o, count);
        System.out.println("playback: " + streams.getFirst().playlist());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ProcessStats idle = serverPid > 0 ? ProcessStats.of(serverPid) : null;
        List<RtmpPublisher> publishers = new ArrayList<>();
        for (Stream s : streams) {
            publishers.add(RtmpPublisher.connect(
                    group, rtmp.getHost(), rtmp.getPort(), rtmp.getPath().substring(1), s.key()));
        }
        long start = System.nanoTime() + 500_000_000L;
        long end = start + seconds * 1_000_000_000L;
        PlaylistProbe probe = new PlaylistProbe(publishers.getFirst(), true);
        ProcessStats[] window = new ProcessStats[2];
        ThreadCpu[] threadWindow = new ThreadCpu[2];
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RtmpPublisher p : publishers) {
                threads.submit(() -> {
                    p.replay(flv, seconds, start);
                    return null;
                });
            }
            threads.submit(() -> {
                Thread.sleep(warmup * 1000L);
                if (serverPid > 0) {
                    window[0] = ProcessStats.of(serverPid);
                    threadWindow[0] = ThreadCpu.of(serverPid);
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime() - 2_000_000_000L));
                if (serverPid > 0) {
                    window[1] = ProcessStats.of(serverPid);
                    threadWindow[1] = ThreadCpu.of(serverPid);
                }
                return null;
            });
            for (int i = 1; i < probes; i++) {
                PlaylistProbe other = new PlaylistProbe(publishers.get(i), false);
                URI playlist = streams.get(i).playlist();
                threads.submit(() -> {
                    follow(other, playlist, target, end, o);
                    return null;
                });
            }
            follow(probe, streams.getFirst().playlist(), target, end, o);
        }
        long alive = publishers.stream().filter(RtmpPublisher::active).count();
        OptionalLong heapKb = serverPid > 0 && Boolean.parseBoolean(o.getOrDefault("jvm-heap", "false"))
                ? JvmHeap.usedAfterFullGcKb(serverPid)
                : OptionalLong.empty();
        System.out.printf(
                "target=%s streams=%d seconds=%d publishers still connected=%d%n", target, count, seconds, alive);
        print("first frame -> downloadable", probe.firstFrame);
        print("last frame  -> downloadable", probe.lastFrame);
        if (serverPid > 0 && window[0] != null && window[1] != null) {
            double measured = seconds - warmup - 2.0;
            double cores = window[1].cpuSecondsSince(window[0]) / measured;
            System.out.printf(
                    "server cpu: %.3f cores = %.2f %% of a core per stream; rss idle=%d KB, loaded=%d KB (%.0f KB per stream)%n",
                    cores,
                    100 * cores / count,
                    idle.rssKb(),
                    window[1].rssKb(),
                    (window[1].rssKb() - idle.rssKb()) / (double) count);
            Map<ThreadCpu.Kind, Double> split = threadWindow[1].secondsSince(threadWindow[0]);
            double jit = split.getOrDefault(ThreadCpu.Kind.JIT, 0.0) / measured;
            double gc = split.getOrDefault(ThreadCpu.Kind.GC, 0.0) / measured;
            if (jit + gc > 0) {
                System.out.printf(
                        "server cpu split, %% of a core per stream: JIT compiler threads %.2f, GC threads %.2f, the rest %.2f%n",
                        100 * jit / count, 100 * gc / count, 100 * (cores - jit - gc) / count);
            }
        }
        if (heapKb.isPresent()) {
            System.out.printf(
                    "server heap after full GC, all streams live: %d KB (%.0f KB per stream, idle server included)%n",
                    heapKb.getAsLong(), heapKb.getAsLong() / (double) count);
        }
        publishers.forEach(RtmpPublisher::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static void follow(PlaylistProbe probe, URI playlist, String target, long end, Map<String, String> o)
            throws Exception {
        URI media = probe.mediaPlaylist(playlist);
        if (target.equals("streamcat")) {
            probe.followParts(media, end, Integer.parseInt(o.getOrDefault("video-track", "1")));
        } else {
            probe.pollSegments(media, end, Integer.parseInt(o.getOrDefault("poll-ms", "20")));
        }
    }

    private static void print(String label, LatencyHistogram h) {
        System.out.printf(
                "%s: n=%d p50=%.0f ms p95=%.0f ms%n",
                label, h.count(), h.percentileMillis(0.5), h.percentileMillis(0.95));
    }

    private static List<Stream> createChannels(Map<String, String> o, int count) throws Exception {
        SignedApiClient ivs = new SignedApiClient(
                o.getOrDefault("endpoint", "http://127.0.0.1:8081"),
                new Credentials(o.get("access-key"), o.get("secret")),
                o.getOrDefault("region", "us-east-1"),
                "ivs");
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode created =
                    ivs.call("CreateChannel", Map.of("name", "bench-" + i, "type", "BASIC", "latencyMode", "LOW"));
            streams.add(new Stream(
                    created.get("streamKey").get("value").asText(),
                    URI.create(created.get("channel").get("playbackUrl").asText())));
        }
        return streams;
    }

    private static List<Stream> nginxStreams(Map<String, String> o, int count) {
        String template = o.getOrDefault("playlist-template", "http://127.0.0.1:8088/hls/{key}.m3u8");
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "bench" + i;
            streams.add(new Stream(key, URI.create(template.replace("{key}", key))));
        }
        return streams;
    }

    /** The benchmark input: 60 s of 720p30 H.264 at 2.5 Mbps with a 1 s GOP, and AAC, made once with ffmpeg. */
    static void ensureMedia(Path file) throws Exception {
        if (Files.exists(file)) return;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=1280x720:rate=30",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        "60",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-profile:v",
                        "high",
                        "-b:v",
                        "2500k",
                        "-maxrate",
                        "2500k",
                        "-bufsize",
                        "2500k",
                        "-g",
                        "30",
                        "-keyint_min",
                        "30",
                        "-sc_threshold",
                        "0",
                        "-bf",
                        "0",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "128k",
                        "-f",
                        "flv",
                        file.toString())
                .inheritIO()
                .start();
        if (ffmpeg.waitFor() != 0) throw new IllegalStateException("ffmpeg could not make " + file);
    }
}
