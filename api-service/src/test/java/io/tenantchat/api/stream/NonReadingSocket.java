package io.tenantchat.api.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a plain TCP socket with a tiny receive buffer that upgrades, subscribes to one session and
 * then reads nothing, as a stalled browser tab would, until {@link #readUntilClosed} drains it.
 */
final class NonReadingSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;

    private NonReadingSocket(Socket socket) {
        this.socket = socket;
    }

    static NonReadingSocket open(int port, String token, String sessionId) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String upgrade = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Protocol: bearer, " + token
                + "\r\n\r\n";
        socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
        String status = readHeaders(socket.getInputStream());
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        NonReadingSocket client = new NonReadingSocket(socket);
        client.sendText("{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\"}");
        return client;
    }

    /**
     * Reads (and drops) everything the server sent until the connection ends.
     *
     * @return the close code of the server's close frame, or -1 when the connection ended without one
     */
    int readUntilClosed(Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return -1;
                }
                int opcode = first & 0x0F;
                long length = in.read() & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server did not end the connection within " + patience, e);
        } catch (IOException e) {
            return -1; // reset by the server
        }
    }

    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            headers.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        String text = headers.toString(StandardCharsets.US_ASCII);
        return text.lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
