package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.shared.SessionId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** One client socket: who it is, its open subscriptions and its timers; sends are thread-safe. */
final class SocketState {

    private static final Logger log = LoggerFactory.getLogger(SocketState.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 1 << 20;

    private final WebSocketSession session;
    private final Map<SessionId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile SocketAuthenticator.Authenticated authenticated;
    private volatile ScheduledFuture<?> closer;
    private volatile CallerSlots.Slot slot;
    private volatile boolean released;

    SocketState(WebSocketSession session) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
    }

    SocketAuthenticator.Authenticated authenticated() {
        return authenticated;
    }

    /** Remembers the caller and closes the socket when its token expires. */
    void authenticate(SocketAuthenticator.Authenticated caller, ScheduledExecutorService scheduler) {
        authenticated = caller;
        long untilExpiry = Math.max(0, Duration.between(Instant.now(), caller.expiresAt()).toMillis());
        closeAfter(scheduler, Duration.ofMillis(Math.min(untilExpiry, Duration.ofDays(1).toMillis())),
                new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "token expired"));
    }

    void closeAfter(ScheduledExecutorService scheduler, Duration delay, CloseStatus status) {
        cancelCloser();
        closer = scheduler.schedule(() -> close(status), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The caller's socket slot, given back when the socket is released. */
    void holdUntilReleased(CallerSlots.Slot socketSlot) {
        slot = socketSlot;
        if (released) {
            socketSlot.close();
        }
    }

    int subscriptions() {
        return subscriptions.size();
    }

    boolean isSubscribed(SessionId sessionId) {
        return subscriptions.containsKey(sessionId);
    }

    void add(SessionId sessionId, Subscription subscription) {
        subscriptions.put(sessionId, subscription);
    }

    void unsubscribe(SessionId sessionId) {
        Subscription subscription = subscriptions.remove(sessionId);
        if (subscription != null) {
            subscription.close();
        }
    }

    void send(String frame) {
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not send to socket {}: {}", session.getId(), e.toString());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Could not close socket {}: {}", session.getId(), e.toString());
        }
    }

    /** Ends every subscription and timer and gives back the caller's socket slot; the socket is gone. */
    void release() {
        released = true;
        cancelCloser();
        CallerSlots.Slot held = slot;
        if (held != null) {
            held.close();
        }
        subscriptions.keySet().forEach(this::unsubscribe);
    }

    private void cancelCloser() {
        ScheduledFuture<?> pending = closer;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
