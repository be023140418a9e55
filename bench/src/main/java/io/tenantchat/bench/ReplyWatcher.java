package io.tenantchat.bench;

import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * One user's WebSockets on {@code /ws}, subscribed to sessions: notes when the first delta and the completed (or
 * failed) event of each message arrive ({@link System#nanoTime()}). The services as shipped bound subscriptions per
 * socket (20) and sockets per user (5), so a watcher opens another socket after every
 * {@value #SUBSCRIPTIONS_PER_SOCKET} subscriptions, as a client following many sessions would.
 */
final class ReplyWatcher implements AutoCloseable {

    static final int SUBSCRIPTIONS_PER_SOCKET = 16;

    private final Map<String, Long> firstDelta = new ConcurrentHashMap<>();
    private final Map<String, Long> finished = new ConcurrentHashMap<>();
    private final Map<String, String> outcome = new ConcurrentHashMap<>();
    private final Map<String, Boolean> subscribed = new ConcurrentHashMap<>();
    private final AtomicInteger finishedFrames = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final URI uri;
    private final String idToken;
    private volatile String lastError;

    private ReplyWatcher(URI apiBase, String idToken) {
        this.uri = URI.create(apiBase.toString().replaceFirst("^http", "ws") + "/ws");
        this.idToken = idToken;
        sockets.add(new Socket());
    }

    static ReplyWatcher connect(URI apiBase, TestUser user) {
        return new ReplyWatcher(apiBase, user.idToken());
    }

    synchronized void subscribe(String sessionId) {
        Socket socket = sockets.get(sockets.size() - 1);
        if (socket.subscriptions >= SUBSCRIPTIONS_PER_SOCKET) {
            socket = new Socket();
            sockets.add(socket);
        }
        socket.subscriptions++;
        socket.socket.sendText("{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\"}", true).join();
        try {
            awaitTrue(() -> subscribed.containsKey(sessionId), Duration.ofSeconds(30), "subscribed " + sessionId);
        } catch (IllegalStateException timedOut) {
            throw new IllegalStateException(timedOut.getMessage() + lastErrorSuffix(), timedOut);
        }
    }

    Long firstDeltaNanos(String messageId) {
        return firstDelta.get(messageId);
    }

    Long finishedNanos(String messageId) {
        return finished.get(messageId);
    }

    String outcome(String messageId) {
        return outcome.get(messageId);
    }

    int finishedFrames() {
        return finishedFrames.get();
    }

    /** Waits until {@code messageId} completed or failed; returns when it did (nanoTime). */
    long awaitFinished(String messageId, Duration patience) {
        awaitTrue(() -> finished.containsKey(messageId), patience, "reply to " + messageId);
        return finished.get(messageId);
    }

    @Override
    public void close() {
        sockets.forEach(socket -> socket.socket.abort());
    }

    private void handle(JsonNode frame, long now, Socket from) {
        String id = frame.path("message_id").asString();
        switch (frame.path("type").asString()) {
            case "ready" -> from.ready = true;
            case "subscribed" -> subscribed.put(frame.path("session_id").asString(), true);
            case "delta" -> firstDelta.putIfAbsent(id, now);
            case "completed", "failed" -> {
                finishedFrames.incrementAndGet();
                outcome.putIfAbsent(id, frame.path("type").asString());
                finished.putIfAbsent(id, now);
            }
            case "error" -> lastError = frame.toString();
            default -> { }
        }
    }

    /** One socket of the watcher, with its own frame buffer. */
    private final class Socket implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private volatile boolean ready;
        private int subscriptions;

        Socket() {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .subprotocols("bearer", idToken).buildAsync(uri, this).join();
            awaitTrue(() -> ready, Duration.ofSeconds(30), "socket ready");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    handle(Api.JSON.readTree(partial.toString()), now, this);
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    private String lastErrorSuffix() {
        String error = lastError;
        return error == null ? "" : " (last error frame: " + error + ")";
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
