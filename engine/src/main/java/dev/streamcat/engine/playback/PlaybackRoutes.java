package dev.streamcat.engine.playback;

import dev.streamcat.engine.resource.EngineIdentity;
import dev.streamcat.engine.stream.LiveStream;
import dev.streamcat.engine.stream.StreamRegistry;
import dev.streamcat.media.hls.BlockingReload;
import dev.streamcat.media.hls.BlockingTarget;
import dev.streamcat.media.hls.HlsUris;
import dev.streamcat.media.hls.MediaPlaylistRenderer;
import dev.streamcat.media.hls.MultivariantPlaylistRenderer;
import dev.streamcat.media.hls.PlaylistSnapshot;
import dev.streamcat.media.hls.ReloadDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Serves LL-HLS from the live streams' packagers (draft-pantos-hls-rfc8216bis §6.2.5 blocking reload
 * and delta updates, §6.2.6 preload hints), under {@value PlaybackPath#PREFIX}.
 *
 * <p>Threading: handlers run on the Vert.x event loop of the request and never block. Blocking
 * reloads and preload-hinted parts wait on the packager's futures, which complete on the ingest
 * thread; the answer hops back with {@link Context#runOnContext}. A Vert.x timer on the same context
 * answers 503 after {@code HlsConfig#blockingTimeout()} (3 × TARGETDURATION). Thread-safe.
 */
public final class PlaybackRoutes {
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NOT_FOUND_CACHE = "public, max-age=1";
    static final String NO_STORE = "no-store";
    static final String REVALIDATE = "no-cache";

    private final Vertx vertx;
    private final EngineIdentity identity;
    private final StreamRegistry streams;

    public PlaybackRoutes(Vertx vertx, EngineIdentity identity, StreamRegistry streams) {
        this.vertx = vertx;
        this.identity = identity;
        this.streams = streams;
    }

    /** Takes every request under {@value PlaybackPath#PREFIX}; mount before the control API. */
    public void mount(Router router) {
        router.route(PlaybackPath.PREFIX + "*").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", "Content-Length, Content-Type, Date, Age, Cache-Control");
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            preflight(ctx);
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD, OPTIONS").end();
            return;
        }
        Optional<PlaybackPath> path = PlaybackPath.parse(ctx.request().path(), identity);
        if (path.isEmpty()) {
            send(ctx, new Reply.NotFound());
            return;
        }
        switch (path.get()) {
            case PlaybackPath.Multivariant m -> multivariant(ctx, m);
            case PlaybackPath.Media m -> media(ctx, m);
        }
    }

    private static void preflight(RoutingContext ctx) {
        String requested = ctx.request().getHeader("Access-Control-Request-Headers");
        ctx.response()
                .setStatusCode(204)
                .putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .putHeader("Access-Control-Allow-Headers", requested == null ? "*" : requested)
                .putHeader("Access-Control-Max-Age", "86400")
                .end();
    }

    private void multivariant(RoutingContext ctx, PlaybackPath.Multivariant path) {
        String channelArn = identity.arn("ivs", "channel", path.channelId()).toString();
        Optional<LiveStream> live = streams.live(channelArn);
        if (live.isEmpty()) {
            send(ctx, new Reply.NotFound());
            return;
        }
        LiveStream stream = live.get();
        String uri =
                PlaybackPath.mediaPlaylistUri(identity, path.channelId(), stream.streamId(), HlsUris.MEDIA_PLAYLIST);
        awaitThen(
                ctx,
                stream,
                new BlockingTarget.None(),
                snapshot -> snapshot.ready()
                        ? new Reply.Playlist(MultivariantPlaylistRenderer.render(snapshot.info(), uri), REVALIDATE)
                        : new Reply.NotFound());
    }

    private void media(RoutingContext ctx, PlaybackPath.Media path) {
        Optional<LiveStream> found =
                streams.stream(path.streamId()).filter(s -> s.channelArn().endsWith("/" + path.channelId()));
        if (found.isEmpty()) {
            send(ctx, new Reply.NotFound());
            return;
        }
        LiveStream stream = found.get();
        if (path.name().equals(HlsUris.MEDIA_PLAYLIST)) {
            stream.viewed(viewerKey(ctx));
            mediaPlaylist(ctx, stream);
        } else {
            resource(ctx, stream, path.name());
        }
    }

    private void mediaPlaylist(RoutingContext ctx, LiveStream stream) {
        PlaylistSnapshot snapshot = stream.playlist().snapshot();
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
        // Directive responses have unique URLs and stay valid: shared caches may keep them briefly.
        String cache = query.containsKey(BlockingReload.MSN)
                ? "public, max-age=" + stream.hlsConfig().blockingTimeout().toSeconds()
                : REVALIDATE;
        switch (BlockingReload.decide(snapshot, query)) {
            case ReloadDecision.Serve serve ->
                send(ctx, new Reply.Playlist(MediaPlaylistRenderer.render(snapshot, serve.skip()), cache));
            case ReloadDecision.Wait wait ->
                awaitThen(
                        ctx,
                        stream,
                        wait.target(),
                        ready -> ready.ready() || ready.ended()
                                ? new Reply.Playlist(MediaPlaylistRenderer.render(ready, wait.skip()), cache)
                                : new Reply.NotFound());
            case ReloadDecision.BadRequest bad -> send(ctx, new Reply.BadRequest(bad.reason()));
        }
    }

    private void resource(RoutingContext ctx, LiveStream stream, String name) {
        PlaylistSnapshot snapshot = stream.playlist().snapshot();
        Optional<List<ByteBuffer>> chunks = snapshot.resourceChunks(name);
        if (chunks.isPresent()) {
            send(ctx, media(name, chunks.get()));
            return;
        }
        Optional<HlsUris.Resource> hinted =
                snapshot.preloadHint().filter(name::equals).flatMap(HlsUris::parse);
        if (hinted.isPresent() && hinted.get() instanceof HlsUris.Resource.PartFile part) {
            // §6.2.6: a hinted part is requestable before it exists; answer once it is complete.
            Function<PlaylistSnapshot, Reply> answer = ready -> ready.resourceChunks(name)
                    .<Reply>map(found -> media(name, found))
                    .orElseGet(Reply.NotFound::new);
            awaitThen(ctx, stream, new BlockingTarget.PartReady(part.msn(), part.index()), answer);
            return;
        }
        send(ctx, new Reply.NotFound());
    }

    private static Reply media(String name, List<ByteBuffer> chunks) {
        return new Reply.Media(chunks, name.endsWith(".mp4") ? "video/mp4" : "video/iso.segment");
    }

    /** Waits (without blocking) until {@code target} is met, then answers on the request's context. */
    private void awaitThen(
            RoutingContext ctx, LiveStream stream, BlockingTarget target, Function<PlaylistSnapshot, Reply> answer) {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<PlaylistSnapshot> ready = stream.playlist().await(target);
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            send(ctx, answer.apply(ready.join()));
            return;
        }
        boolean[] answered = {false}; // confined to the request's context
        long timer = vertx.setTimer(stream.hlsConfig().blockingTimeout().toMillis(), id -> {
            if (!answered[0]) {
                answered[0] = true;
                ready.cancel(false);
                send(ctx, new Reply.Unavailable());
            }
        });
        ctx.response().closeHandler(closed -> {
            answered[0] = true;
            vertx.cancelTimer(timer);
            ready.cancel(false);
        });
        ready.whenComplete((snapshot, failure) -> context.runOnContext(v -> {
            if (answered[0]) {
                return;
            }
            answered[0] = true;
            vertx.cancelTimer(timer);
            send(ctx, failure == null ? answer.apply(snapshot) : new Reply.Unavailable());
        }));
    }

    /** Writes a reply: status, Content-Type and Cache-Control for each kind, in one place. */
    static void send(RoutingContext ctx, Reply reply) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        switch (reply) {
            case Reply.Playlist p ->
                response.setStatusCode(200)
                        .putHeader("Content-Type", PLAYLIST_TYPE)
                        .putHeader("Cache-Control", p.cacheControl())
                        .end(Buffer.buffer(p.text().getBytes(StandardCharsets.UTF_8)));
            case Reply.Media m -> {
                // Wrapped, not copied: the transport's copy to a direct buffer is the only one.
                ByteBuf body = Unpooled.wrappedBuffer(m.chunks().toArray(ByteBuffer[]::new));
                response.setStatusCode(200)
                        .putHeader("Content-Type", m.contentType())
                        .putHeader("Cache-Control", IMMUTABLE)
                        .putHeader("Content-Length", Integer.toString(body.readableBytes())) // HEAD too
                        .end(BufferInternal.buffer(body));
            }
            case Reply.NotFound n -> text(response, 404, NOT_FOUND_CACHE, "Not found\n");
            case Reply.BadRequest b -> text(response, 400, NO_STORE, b.reason() + "\n");
            case Reply.Unavailable u -> text(response, 503, NO_STORE, "Not available yet; retry\n");
        }
    }

    private static void text(HttpServerResponse response, int status, String cache, String body) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", cache)
                .end(body);
    }

    private static String viewerKey(RoutingContext ctx) {
        String agent = ctx.request().getHeader("User-Agent");
        String host = ctx.request().remoteAddress() == null
                ? ""
                : ctx.request().remoteAddress().hostAddress();
        return host + "|" + (agent == null ? "" : agent.length() > 256 ? agent.substring(0, 256) : agent);
    }
}
