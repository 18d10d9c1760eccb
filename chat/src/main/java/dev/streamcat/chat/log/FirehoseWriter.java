package dev.streamcat.chat.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Posts batches in the Firehose HTTP endpoint delivery format, with retries.
 *
 * <p>Confined to the sink's writer thread.
 */
final class FirehoseWriter implements BatchWriter {
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private final HttpClient client;
    private final FirehoseSink.Endpoint endpoint;
    private final InstantSource clock;

    FirehoseWriter(HttpClient client, FirehoseSink.Endpoint endpoint, InstantSource clock) {
        this.client = client;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public void write(List<ChatLogRecord> batch) throws IOException {
        String requestId = UUID.randomUUID().toString();
        byte[] body = body(requestId, batch);
        IOException last = null;
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; attempt <= endpoint.maxAttempts(); attempt++) {
            try {
                int status = post(requestId, body);
                if (status / 100 == 2) {
                    return;
                }
                last = new IOException("firehose endpoint answered HTTP " + status);
            } catch (IOException e) {
                last = e;
            }
            if (attempt < endpoint.maxAttempts()) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw last;
    }

    private int post(String requestId, byte[] body) throws IOException {
        var request = HttpRequest.newBuilder(endpoint.url())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("X-Amz-Firehose-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        endpoint.accessKey().ifPresent(key -> request.header("X-Amz-Firehose-Access-Key", key));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to firehose endpoint", e);
        }
    }

    private byte[] body(String requestId, List<ChatLogRecord> batch) {
        var out = new ByteArrayOutputStream(batch.size() * 256);
        Base64.Encoder base64 = Base64.getEncoder();
        out.writeBytes(("{\"requestId\":\"" + requestId + "\",\"timestamp\":" + clock.millis() + ",\"records\":[")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes("{\"data\":\"".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(base64.encode(batch.get(i).toJsonLine()));
            out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during firehose back-off", e);
        }
    }

    @Override
    public void tick() {}

    @Override
    public void close() {}
}
