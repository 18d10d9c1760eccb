package dev.streamcat.bench.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.bench.LatencyHistogram;
import dev.streamcat.bench.ProcessStats;
import dev.streamcat.bench.SignedApiClient;
import dev.streamcat.engine.auth.Credentials;
import dev.streamcat.rtmp.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Chat load: N WebSocket clients in one room, a few of them sending at a fixed total rate; reports
 * deliveries per second, delivery latency (p50/p99, send to receive in this process), and — given
 * the server's pid — server memory per connection and server CPU-µs per delivered message.
 *
 * <pre>
 * java -cp bench/target/streamcat-bench.jar dev.streamcat.bench.chat.ChatLoad \
 *   --mode=ivs --endpoint=http://127.0.0.1:8081 --chat-url=ws://127.0.0.1:8081 \
 *   --access-key=... --secret=... --region=us-east-1 --clients=19000 --senders=10 --rate=10 --seconds=30 --server-pid=1234
 * </pre>
 *
 * {@code --mode=plain} skips the control API (no tokens) for a plain broadcast server such as
 * {@code bench/node/ws-broadcast.mjs}.
 */
public final class ChatLoad {
    private ChatLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String mode = o.getOrDefault("mode", "ivs");
        URI chatUrl = URI.create(o.getOrDefault("chat-url", "ws://127.0.0.1:8081"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "1000"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "10"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "10"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        int window = Integer.parseInt(o.getOrDefault("connect-window", "200"));

        List<String> tokens = mode.equals("ivs") ? tokens(o, clients, senders) : null;

        LatencyHistogram latencies = new LatencyHistogram();
        LongAdder delivered = new LongAdder();
        LongAdder closed = new LongAdder();
        long[] measureFrom = {0};
        MessageSpread spread =
                Boolean.parseBoolean(o.getOrDefault("per-message", "false")) ? new MessageSpread() : null;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                Integer.parseInt(o.getOrDefault("threads", "1")), NettyTransport.ioHandlerFactory());
        // The senders get a loop of their own, so a stamped send leaves at once instead of waiting behind a pass of
        // 19,000 reads on the receiving loop (which would charge the load generator's own lag to the server).
        EventLoopGroup senderGroup = new MultiThreadIoEventLoopGroup(1, NettyTransport.ioHandlerFactory());
        boolean jvm = Boolean.parseBoolean(o.getOrDefault("jvm-memory", "false"));
        JvmMemory idleMemory = jvm ? JvmMemory.of(serverPid) : null;
        ProcessStats idle = serverPid > 0 ? ProcessStats.of(serverPid) : null;
        List<Channel> channels = connect(
                group,
                senderGroup,
                senders,
                chatUrl,
                clients,
                window,
                tokens,
                latencies,
                delivered,
                closed,
                measureFrom,
                spread);
        Thread.sleep(2000);
        ProcessStats connectedStats = serverPid > 0 ? ProcessStats.of(serverPid) : null;
        System.out.printf("connected %d of %d clients%n", channels.size(), clients);
        if (o.containsKey("histogram")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(o.get("histogram")), JvmMemory.histogram(serverPid));
        }
        if (jvm) {
            printJvmMemory(idleMemory, JvmMemory.of(serverPid), channels.size());
        }

        List<Channel> sending = channels.subList(0, Math.min(senders, channels.size()));
        sendFor(sending, rate, 3, measureFrom, false); // warm-up
        Thread.sleep(2000);
        ProcessStats before = serverPid > 0 ? ProcessStats.of(serverPid) : null;
        long self = ProcessHandle.current().pid();
        ProcessStats selfBefore = ProcessStats.of(self);
        measureFrom[0] = System.nanoTime();
        long sent = sendFor(sending, rate, seconds, measureFrom, true);
        Thread.sleep(3000);
        ProcessStats after = serverPid > 0 ? ProcessStats.of(serverPid) : null;
        double loadCpu = ProcessStats.of(self).cpuSecondsSince(selfBefore);

        long got = delivered.sum();
        long expected = sent * channels.size();
        System.out.printf(
                "mode=%s clients=%d senders=%d rate=%.0f/s seconds=%d%n",
                mode, channels.size(), sending.size(), rate, seconds);
        System.out.printf(
                "sent=%d delivered=%d expected=%d (%.2f%%) closed-by-server=%d%n",
                sent, got, expected, expected == 0 ? 0 : 100.0 * got / expected, closed.sum());
        System.out.printf(
                "deliveries/s=%.0f latency p50=%.1f ms p99=%.1f ms max-bucket p99.9=%.1f ms%n",
                got / (double) seconds,
                latencies.percentileMillis(0.50),
                latencies.percentileMillis(0.99),
                latencies.percentileMillis(0.999));
        System.out.printf("load generator cpu: %.2f s over the run = %.3f cores%n", loadCpu, loadCpu / (seconds + 3));
        if (serverPid > 0) {
            double perConnKb = (connectedStats.rssKb() - idle.rssKb()) / (double) Math.max(1, channels.size());
            double cpuSeconds = after.cpuSecondsSince(before);
            System.out.printf(
                    "server rss: idle=%d KB connected=%d KB (%.2f KB/connection, RSS delta)%n",
                    idle.rssKb(), connectedStats.rssKb(), perConnKb);
            System.out.printf(
                    "server cpu: %.2f s over the run = %.3f cores; %.2f cpu-us per delivered message%n",
                    cpuSeconds, cpuSeconds / (seconds + 3), got == 0 ? Double.NaN : cpuSeconds * 1e6 / got);
        }
        if (spread != null) {
            System.out.print(spread.report());
        }
        for (Channel c : channels) c.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        senderGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }

    private static void printJvmMemory(JvmMemory idle, JvmMemory connected, int clients) {
        long heap = connected.liveHeapBytes() - idle.liveHeapBytes();
        System.out.printf(
                "server live heap after full GC: idle=%d KB connected=%d KB (%.2f KB/connection)%n",
                idle.liveHeapBytes() / 1024, connected.liveHeapBytes() / 1024, heap / 1024.0 / Math.max(1, clients));
        if (idle.otherNativeBytes().isPresent() && connected.otherNativeBytes().isPresent()) {
            long direct =
                    connected.otherNativeBytes().get() - idle.otherNativeBytes().get();
            System.out.printf(
                    "server direct/native (NMT Other, committed): idle=%d KB connected=%d KB (%.2f KB/connection); "
                            + "heap + direct = %.2f KB/connection%n",
                    idle.otherNativeBytes().get() / 1024,
                    connected.otherNativeBytes().get() / 1024,
                    direct / 1024.0 / Math.max(1, clients),
                    (heap + direct) / 1024.0 / Math.max(1, clients));
        }
    }

    private static List<String> tokens(Map<String, String> o, int clients, int senders) throws Exception {
        SignedApiClient api = new SignedApiClient(
                o.getOrDefault("endpoint", "http://127.0.0.1:8081"),
                new Credentials(o.get("access-key"), o.get("secret")),
                o.getOrDefault("region", "us-east-1"),
                "ivschat");
        JsonNode room = api.call("CreateRoom", Map.of("name", "load", "maximumMessageRatePerSecond", 100));
        String arn = room.get("arn").asText();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < clients; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                Map<String, Object> body = new HashMap<>(Map.of(
                                        "roomIdentifier", arn, "userId", "load-" + n, "sessionDurationInMinutes", 180));
                                if (n < senders) body.put("capabilities", List.of("SEND_MESSAGE"));
                                return api.call("CreateChatToken", body)
                                        .get("token")
                                        .asText();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        executor));
            }
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static List<Channel> connect(
            EventLoopGroup group,
            EventLoopGroup senderGroup,
            int senders,
            URI url,
            int clients,
            int window,
            List<String> tokens,
            LatencyHistogram latencies,
            LongAdder delivered,
            LongAdder closed,
            long[] measureFrom,
            MessageSpread spread)
            throws Exception {
        Semaphore permits = new Semaphore(window);
        List<CompletableFuture<Channel>> pending = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String subprotocol = tokens == null ? "chat" : tokens.get(i);
            LoadClient client = new LoadClient(latencies, delivered, closed, measureFrom, spread);
            permits.acquire();
            client.connected.whenComplete((c, e) -> permits.release());
            new Bootstrap()
                    .group(i < senders ? senderGroup : group)
                    .channel(NettyTransport.epoll() ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(
                                            new HttpClientCodec(),
                                            new HttpObjectAggregator(8192),
                                            new WebSocketClientProtocolHandler(
                                                    WebSocketClientHandshakerFactory.newHandshaker(
                                                            url,
                                                            WebSocketVersion.V13,
                                                            subprotocol,
                                                            false,
                                                            EmptyHttpHeaders.INSTANCE,
                                                            65536)),
                                            client);
                        }
                    })
                    .connect(url.getHost(), url.getPort())
                    .addListener(f -> {
                        if (!f.isSuccess()) client.connected.completeExceptionally(f.cause());
                    });
            pending.add(client.connected);
        }
        List<Channel> channels = new ArrayList<>();
        for (CompletableFuture<Channel> f : pending) {
            try {
                channels.add(f.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                // counted as not connected
            }
        }
        return channels;
    }

    /** Sends {@code rate} messages per second in total, round-robin over the senders; returns how many. */
    private static long sendFor(List<Channel> senders, double rate, int seconds, long[] measureFrom, boolean measured) {
        if (senders.isEmpty()) return 0;
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long count = 0;
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            Channel channel = senders.get((int) (count % senders.size()));
            long stamp = measured ? System.nanoTime() : 0;
            channel.writeAndFlush(
                    new TextWebSocketFrame("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"" + stamp + "\"}"));
            count++;
        }
        return count;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
