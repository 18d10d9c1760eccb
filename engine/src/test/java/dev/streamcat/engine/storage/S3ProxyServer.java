package dev.streamcat.engine.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for tests: S3Proxy in this JVM on 127.0.0.1 and a free port, over an in-memory jclouds
 * {@code transient} store, requiring AWS Signature V4 with {@link #ACCESS_KEY_ID}/{@link #SECRET_ACCESS_KEY}. It can be
 * stopped and started again on the same port with the same contents (an endpoint that goes down and comes back), and
 * it is read back with an AWS SDK client of its own ({@link #client()}).
 *
 * <p>Not thread-safe: drive it from the test thread.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "S3PROXYTESTKEY01";
    public static final String SECRET_ACCESS_KEY = "s3proxy-test-secret-0123456789";
    public static final String REGION = "us-east-1";

    private final BlobStoreContext store;
    private final int port;
    private S3Proxy proxy;
    private S3Client client;

    private S3ProxyServer(int port) {
        // By its metadata, not its name: a lookup by name loads every provider S3Proxy registers, and its Azure one
        // needs the Azure SDK, which is left out (it would bring a second Netty).
        this.store = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        this.port = port;
    }

    /** A server that is not listening yet: {@link #endpoint()} refuses connections until {@link #start()}. */
    public static S3ProxyServer reserved() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new S3ProxyServer(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listening server with the given (empty) buckets. */
    public static S3ProxyServer started(String... buckets) throws Exception {
        var server = reserved();
        for (String bucket : buckets) {
            server.createBucket(bucket);
        }
        server.start();
        return server;
    }

    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    /** Starts listening (again) on the same port with the same contents. */
    public void start() throws Exception {
        if (proxy != null) {
            return;
        }
        proxy = S3Proxy.builder()
                .blobStore(blobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    /** Stops listening; the contents stay. */
    public void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
            proxy = null;
        }
    }

    /** The endpoint with the right credentials, path-style. */
    public S3Endpoint endpoint() {
        return endpoint(SECRET_ACCESS_KEY);
    }

    /** The endpoint with another secret (to see authentication refused). */
    public S3Endpoint endpoint(String secret) {
        return new S3Endpoint(
                URI.create("http://127.0.0.1:" + port),
                REGION,
                Optional.of(new S3Endpoint.Credentials(ACCESS_KEY_ID, secret)),
                true);
    }

    /** An SDK client of the test's own (not the engine's) to read what was uploaded. */
    public S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                    .forcePathStyle(true)
                    // S3Proxy answers 501 to the x-amz-checksum-* headers the SDK sends by default.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return client;
    }

    /** The keys of {@code bucket}, via ListObjectsV2 (every page). */
    public List<String> keys(String bucket) {
        return client().listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** The lines of a gzip object, via GetObject. */
    public List<String> gunzippedLines(String bucket, String key) {
        byte[] body = client().getObjectAsBytes(
                        request -> request.bucket(bucket).key(key))
                .asByteArray();
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BlobStore blobStore() {
        return store.getBlobStore();
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
        stop();
        store.close();
    }
}
