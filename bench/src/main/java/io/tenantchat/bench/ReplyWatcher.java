package io.tenantchat.bench;

import io.tenantchat.localstack.provision.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * One user's WebSocket on {@code /ws}, subscribed to sessions: notes when the first delta and the completed (or
 * failed) event of each message arrive ({@link System#nanoTime()}).
 */
final class ReplyWatcher implements WebSocket.Listener, AutoCloseable {

    private final Map<String, Long> firstDelta = new ConcurrentHashMap<>();
    private final Map<String, Long> finished = new ConcurrentHashMap<>();
    private final Map<String, String> outcome = new ConcurrentHashMap<>();
    private final Map<String, Boolean> subscribed = new ConcurrentHashMap<>();
    private final AtomicInteger finishedFrames = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean ready;
    private final WebSocket socket;

    private ReplyWatcher(URI apiBase, String idToken) {
        URI uri = URI.create(apiBase.toString().replaceFirst("^http", "ws") + "/ws");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .subprotocols("bearer", idToken).buildAsync(uri, this).join();
        awaitTrue(() -> ready, Duration.ofSeconds(30), "socket ready");
    }

    static ReplyWatcher connect(URI apiBase, TestUser user) {
        return new ReplyWatcher(apiBase, user.idToken());
    }

    void subscribe(String sessionId) {
        socket.sendText("{\"type\":\"subscribe\",\"session_id\":\"" + sessionId + "\"}", true).join();
        awaitTrue(() -> subscribed.containsKey(sessionId), Duration.ofSeconds(30), "subscribed " + sessionId);
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
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        synchronized (partial) {
            partial.append(data);
            if (last) {
                handle(Api.JSON.readTree(partial.toString()), now);
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode frame, long now) {
        String id = frame.path("message_id").asString();
        switch (frame.path("type").asString()) {
            case "ready" -> ready = true;
            case "subscribed" -> subscribed.put(frame.path("session_id").asString(), true);
            case "delta" -> firstDelta.putIfAbsent(id, now);
            case "completed", "failed" -> {
                finishedFrames.incrementAndGet();
                outcome.putIfAbsent(id, frame.path("type").asString());
                finished.putIfAbsent(id, now);
            }
            default -> { }
        }
    }

    @Override
    public void close() {
        socket.abort();
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
