package dev.streamcat.engine.chatgateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that completes the handshake and then never reads, with a small receive buffer: a slow consumer
 * whose queue on the server fills deterministically. Confined to the test thread.
 */
final class StalledClient implements AutoCloseable {
    private final Socket socket = new Socket();

    StalledClient(int port, String token) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        handshake(socket, port, token);
    }

    /** Sends the upgrade request with {@code token} as the subprotocol and reads the answer up to its blank line. */
    static void handshake(Socket socket, int port, String token) throws IOException {
        String key = Base64.getEncoder().encodeToString("stalled-client-k".getBytes(StandardCharsets.US_ASCII));
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Protocol: " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        int matched = 0;
        var head = new StringBuilder();
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during handshake: " + head);
            }
            head.append((char) b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
