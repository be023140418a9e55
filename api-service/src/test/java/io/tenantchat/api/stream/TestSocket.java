package io.tenantchat.api.stream;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A JDK WebSocket client of {@code /ws} that authenticates by protocol, follows one session and keeps every frame. */
final class TestSocket implements AutoCloseable {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final String sessionId;
    private volatile boolean closed;
    private WebSocket socket;

    private TestSocket(String sessionId) {
        this.sessionId = sessionId;
    }

    static TestSocket open(HttpClient http, URI uri, PushStreamingIntegrationTests.User user, String sessionId) {
        TestSocket client = new TestSocket(sessionId);
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .subprotocols("bearer", user.token()).buildAsync(uri, client.new Collector()).join();
        client.socket.sendText("{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\"}", true).join();
        return client;
    }

    String sessionId() {
        return sessionId;
    }

    String awaitFrame(Predicate<String> wanted) {
        // polled every 2 ms: a round trip is a few milliseconds, the default 100 ms would dominate a loop of them
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                .until(() -> frames.stream().filter(wanted).findFirst().orElse(null), frame -> frame != null);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
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
}
