package dev.streamcat.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcat.api.AwsServiceException;
import dev.streamcat.api.InternalServerException;
import dev.streamcat.api.ValidationException;
import dev.streamcat.api.ivs.Ivs;
import dev.streamcat.api.ivschat.IvsChat;
import dev.streamcat.api.tag.ListTagsForResourceRequest;
import dev.streamcat.api.tag.TagResourceRequest;
import dev.streamcat.api.tag.UntagResourceRequest;
import dev.streamcat.engine.auth.SigV4Verifier;
import dev.streamcat.engine.auth.SignedRequest;
import dev.streamcat.engine.resource.Arn;
import dev.streamcat.engine.resource.EngineJson;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API on HTTP: AWS restJson1 at the root paths ({@code POST /CreateChannel}, {@code POST
 * /CreateRoom}, {@code GET|POST|DELETE /tags/{resourceArn}}), every request SigV4-verified for the
 * operation's service ({@code ivs} or {@code ivschat}). Errors are translated here, in one place:
 * {@code x-amzn-ErrorType} header, the error's status, and the body members of the service ({@code
 * exceptionMessage} on IVS, {@code message} and the error's fields on IVS Chat).
 *
 * <p>Parsing and signature checks run on the event loop; the operations (database) run on worker
 * threads. Thread-safe.
 */
public final class ControlApi {
    /** Largest accepted request body; the largest legitimate one (tags, attributes) is far smaller. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    private static final String TAGS_PREFIX = "/tags/";

    private final Vertx vertx;
    private final SigV4Verifier verifier;
    private final Map<String, Operation<?>> operations;
    private final Ivs ivs;
    private final IvsChat chat;

    public ControlApi(Vertx vertx, SigV4Verifier verifier, Ivs ivs, IvsChat chat) {
        this.vertx = vertx;
        this.verifier = verifier;
        this.ivs = ivs;
        this.chat = chat;
        this.operations = Operations.table(ivs, chat);
    }

    /** Routes every request not taken by an earlier route (health, playback, chat) to the API. */
    public void mount(Router router) {
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route().handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        String service = Operations.IVS;
        try {
            if (path.startsWith(TAGS_PREFIX) && path.length() > TAGS_PREFIX.length()) {
                String arnText = URLDecoder.decode(path.substring(TAGS_PREFIX.length()), StandardCharsets.UTF_8);
                service = Arn.parse(arnText)
                        .map(Arn::service)
                        .filter(Operations.IVSCHAT::equals)
                        .orElse(Operations.IVS);
                authenticate(ctx, service);
                tags(ctx, service, arnText);
                return;
            }
            Operation<?> operation = operations.get(path.length() > 1 ? path.substring(1) : "");
            if (operation == null || request.method() != io.vertx.core.http.HttpMethod.POST) {
                fail(ctx, service, new UnknownOperation("Unknown operation: " + request.method() + " " + path));
                return;
            }
            service = operation.service();
            authenticate(ctx, service);
            Object input = parse(ctx, operation.requestType());
            String finalService = service;
            run(ctx, finalService, () -> operation.invoke(input), operation.successStatus());
        } catch (AwsServiceException e) {
            fail(ctx, service, e);
        }
    }

    private void tags(RoutingContext ctx, String service, String arn) {
        switch (ctx.request().method().name()) {
            case "GET" ->
                run(
                        ctx,
                        service,
                        () -> service.equals(Operations.IVS)
                                ? ivs.listTagsForResource(new ListTagsForResourceRequest(arn))
                                : chat.listTagsForResource(new ListTagsForResourceRequest(arn)),
                        200);
            case "POST" -> {
                TagResourceRequest body = parse(ctx, TagResourceRequest.class);
                TagResourceRequest request = new TagResourceRequest(arn, body.tags());
                run(
                        ctx,
                        service,
                        () -> {
                            if (service.equals(Operations.IVS)) ivs.tagResource(request);
                            else chat.tagResource(request);
                            return Operation.EMPTY;
                        },
                        200);
            }
            case "DELETE" -> {
                List<String> keys = ctx.queryParam("tagKeys");
                UntagResourceRequest request = new UntagResourceRequest(arn, keys.isEmpty() ? null : keys);
                run(
                        ctx,
                        service,
                        () -> {
                            if (service.equals(Operations.IVS)) ivs.untagResource(request);
                            else chat.untagResource(request);
                            return Operation.EMPTY;
                        },
                        200);
            }
            default ->
                fail(
                        ctx,
                        service,
                        new UnknownOperation(
                                "Unknown operation: " + ctx.request().method() + " /tags"));
        }
    }

    private void authenticate(RoutingContext ctx, String service) {
        HttpServerRequest request = ctx.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(
                        h.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                .add(h.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 carries the host in the :authority pseudo-header; SigV4 signs it as "host".
            headers.put("host", List.of(request.authority().toString()));
        }
        Buffer body = ctx.body().buffer();
        String query = request.query();
        verifier.verify(
                new SignedRequest(
                        request.method().name(),
                        request.path(),
                        query == null ? "" : query,
                        headers,
                        body == null ? new byte[0] : body.getBytes()),
                service);
    }

    private static <Q> Q parse(RoutingContext ctx, Class<Q> type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return read("{}", type);
        }
        return read(body.toString(StandardCharsets.UTF_8), type);
    }

    private static <Q> Q read(String json, Class<Q> type) {
        try {
            JsonNode tree = EngineJson.MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw ValidationException.other("The request body must be a JSON object");
            }
            return EngineJson.MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty()
                    ? "body"
                    : String.valueOf(e.getPath().getLast().getFieldName());
            throw new ValidationException(
                    "Could not read field '" + field + "': " + e.getOriginalMessage(),
                    ValidationException.Reason.FIELD_VALIDATION_FAILED,
                    List.of(new ValidationException.Field(field, e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw ValidationException.other("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void run(RoutingContext ctx, String service, Callable<Object> call, int successStatus) {
        vertx.executeBlocking(call, false).onComplete(result -> {
            if (result.succeeded()) {
                respond(ctx, successStatus, result.result());
            } else if (result.cause() instanceof AwsServiceException e) {
                fail(ctx, service, e);
            } else {
                LOG.error("control API operation {} failed", ctx.request().path(), result.cause());
                fail(ctx, service, new InternalServerException("Internal server error"));
            }
        });
    }

    private static void respond(RoutingContext ctx, int status, Object body) {
        HttpServerResponse response = headers(ctx.response()).setStatusCode(status);
        if (status == 204) {
            response.end();
            return;
        }
        String json = body == Operation.EMPTY ? "{}" : EngineJson.write(body);
        response.putHeader("Content-Type", "application/json").end(json);
    }

    private static void fail(RoutingContext ctx, String service, AwsServiceException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean modeled =
                !(e instanceof UnknownOperation) && !(e instanceof dev.streamcat.engine.auth.AuthenticationException);
        if (service.equals(Operations.IVS) && modeled) {
            body.put("exceptionMessage", e.getMessage());
            body.put("message", e.getMessage());
        } else {
            body.put("message", e.getMessage());
            if (modeled) {
                body.putAll(e.fields());
            }
        }
        headers(ctx.response())
                .setStatusCode(e.httpStatus())
                .putHeader("x-amzn-ErrorType", e.errorType())
                .putHeader("Content-Type", "application/json")
                .end(EngineJson.write(body));
    }

    private static HttpServerResponse headers(HttpServerResponse response) {
        return response.putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    /** A path or method that names no operation. */
    private static final class UnknownOperation extends AwsServiceException {
        UnknownOperation(String message) {
            super("UnknownOperationException", 404, message);
        }
    }
}
