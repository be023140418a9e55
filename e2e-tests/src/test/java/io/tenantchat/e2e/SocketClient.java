package io.tenantchat.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client of {@code /ws} (JDK {@link java.net.http.WebSocket}), keeping every frame it receives. */
final class SocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile boolean closed;

    private SocketClient(URI apiBase, String bearerProtocolToken) {
        URI uri = URI.create(apiBase.toString().replaceFirst("^http", "ws") + "/ws");
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearerProtocolToken != null) {
            builder.subprotocols("bearer", bearerProtocolToken);
        }
        this.socket = builder.buildAsync(uri, new Collector()).join();
    }

    /** Connects and authenticates with the first frame. */
    static SocketClient connect(URI apiBase, String idToken) {
        SocketClient client = new SocketClient(apiBase, null);
        client.send("{\"type\":\"auth\",\"token\":\"" + idToken + "\"}");
        client.awaitFrame(frame -> type(frame).matches("ready|error"));
        return client;
    }

    /** Connects with {@code Sec-WebSocket-Protocol: bearer, <token>}, as a browser would. */
    static SocketClient connectWithProtocol(URI apiBase, String idToken) {
        SocketClient client = new SocketClient(apiBase, idToken);
        client.awaitFrame(frame -> type(frame).equals("ready"));
        return client;
    }

    void subscribe(String sessionId, String after) {
        send(after == null ? "{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\"}"
                : "{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\",\"after\":\"" + after + "\"}");
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    JsonNode awaitFrame(Predicate<JsonNode> wanted) {
        return await().atMost(PATIENCE).until(() -> frames.stream().filter(wanted).findFirst().orElse(null),
                frame -> frame != null);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Frames about {@code messageId}. */
    List<JsonNode> framesOf(String messageId) {
        return frames.stream().filter(frame -> messageId.equals(frame.path("message_id").asString())).toList();
    }

    /** The reply text this client would show for {@code messageId}: deltas, reset by each restart. */
    String shownText(String messageId) {
        StringBuilder text = new StringBuilder();
        for (JsonNode frame : framesOf(messageId)) {
            switch (type(frame)) {
                case "delta" -> text.append(frame.path("text").asString());
                case "restarted" -> text.setLength(0);
                default -> { }
            }
        }
        return text.toString();
    }

    boolean isClosed() {
        return closed;
    }

    static String type(JsonNode frame) {
        return frame.path("type").asString();
    }

    @Override
    public void close() {
        if (!closed) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
            socket.abort();
        }
    }

    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }

    static List<String> types(List<JsonNode> frames) {
        List<String> types = new ArrayList<>();
        frames.forEach(frame -> types.add(type(frame)));
        return types;
    }
}
