package io.tenantchat.api.isolation;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A JDK {@link WebSocket} client of {@code /ws} that keeps every frame it receives and notes when it is closed. */
final class IsolationSocket implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile String closeReason;
    private WebSocket socket;

    private IsolationSocket() {
    }

    /** Opens a socket; with a token it is offered as {@code Sec-WebSocket-Protocol: bearer, <token>}. */
    static CompletableFuture<IsolationSocket> open(URI wsUri, String protocolTokenOrNull) {
        IsolationSocket client = new IsolationSocket();
        WebSocket.Builder builder = RunningApi.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (protocolTokenOrNull != null) {
            builder.subprotocols("bearer", protocolTokenOrNull);
        }
        return builder.buildAsync(wsUri, client.new Collector()).thenApply(socket -> {
            client.socket = socket;
            return client;
        });
    }

    void auth(String tokenOrNull) {
        ObjectNode frame = JSON.createObjectNode().put("type", "auth");
        if (tokenOrNull != null) {
            frame.put("token", tokenOrNull);
        }
        send(frame.toString());
    }

    void subscribe(String sessionId) {
        send(JSON.createObjectNode().put("type", "subscribe").put("session_id", sessionId).toString());
    }

    void subscribe(String sessionId, String after) {
        send(JSON.createObjectNode().put("type", "subscribe").put("session_id", sessionId).put("after", after)
                .toString());
    }

    void unsubscribe(String sessionId) {
        send(JSON.createObjectNode().put("type", "unsubscribe").put("session_id", sessionId).toString());
    }

    /** Sends a frame; a socket the server closed already just drops it. */
    void send(String frame) {
        if (!closed) {
            socket.sendText(frame, true).exceptionally(e -> null).join();
        }
    }

    JsonNode awaitFrame(Predicate<JsonNode> wanted) {
        return await().atMost(PATIENCE).until(() -> frames.stream().filter(wanted).findFirst().orElse(null),
                frame -> frame != null);
    }

    JsonNode awaitType(String type) {
        return awaitFrame(frame -> type(frame).equals(type));
    }

    void awaitClosed() {
        await().atMost(PATIENCE).until(() -> closed);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    List<String> types() {
        return frames.stream().map(IsolationSocket::type).toList();
    }

    /** Every text frame received, as sent. */
    String received() {
        return String.join("\n", raw);
    }

    boolean isClosed() {
        return closed;
    }

    /** The server's close code and reason, e.g. {@code 1008 token expired}; null while open. */
    String closeReason() {
        return closeReason;
    }

    static String type(JsonNode frame) {
        return frame.path("type").asString();
    }

    @Override
    public void close() {
        if (socket != null && !closed) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                raw.add(partial.toString());
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = statusCode + " " + reason;
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
