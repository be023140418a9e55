package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client socket: who it is, its open subscriptions and its timers. Sends are thread-safe and never block the
 * caller (a Redis I/O thread among them): frames go through the socket's bounded {@link SocketOutbox}.
 */
final class SocketState {

    private final SocketOutbox outbox;
    private final Map<SessionId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile SocketAuthenticator.@Nullable Authenticated authenticated;
    private volatile @Nullable ScheduledFuture<?> closer;
    private volatile CallerSlots.@Nullable Slot slot;
    private volatile boolean released;

    SocketState(WebSocketSession session, SocketOutbox.Limits limits) {
        this.outbox = new SocketOutbox(session, limits);
    }

    SocketAuthenticator.@Nullable Authenticated authenticated() {
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
        outbox.offer(frame);
    }

    void close(CloseStatus status) {
        outbox.close(status);
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
