package io.tenantchat.api.stream.adapter.in.ws;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The frames waiting for one socket. {@link #offer} never blocks: it queues the frame and one task on
 * {@code senders} sends the queue in order. A socket that has more than {@code bufferLimitBytes} waiting (counted
 * as characters: the frames are JSON, mostly ASCII), or whose current send has taken longer than {@code sendTimeLimit}, is closed with {@link #TOO_SLOW}; its frames are
 * dropped, and nobody else waits for it (the client resumes with a cursor when it reconnects).
 */
final class SocketOutbox {

    /** 1008 {@code too slow}: the client did not read its frames fast enough. */
    static final CloseStatus TOO_SLOW = new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "too slow");
    /** Tomcat's limit on one blocking send; a send stuck longer fails and the socket is closed. */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final Logger log = LoggerFactory.getLogger(SocketOutbox.class);

    /** Limits of one socket's outbox, where sends run, and what counts the sockets closed as too slow. */
    record Limits(Duration sendTimeLimit, long bufferLimitBytes, Executor senders, Counter tooSlow) {}

    private final WebSocketSession session;
    private final Limits limits;
    /** Text frames, and last a {@link CloseStatus} when the socket is to be closed after them. */
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long sendStartedNanos;
    private volatile boolean sending;

    SocketOutbox(WebSocketSession session, Limits limits) {
        this.session = session;
        this.limits = limits;
        limitBlockingSends(session, limits.sendTimeLimit());
    }

    /** Queues {@code frame}; closes the socket instead when it is too far behind. */
    void offer(String frame) {
        if (closing.get()) {
            return;
        }
        long size = frame.length();
        boolean stuck = sending && System.nanoTime() - sendStartedNanos > limits.sendTimeLimit().toNanos();
        if (stuck || waitingBytes.addAndGet(size) > limits.bufferLimitBytes()) {
            log.info("Closing socket {}: {} bytes waiting, send stuck: {}", session.getId(), waitingBytes.get(), stuck);
            tooSlow();
            return;
        }
        frames.add(frame);
        drainSoon();
    }

    /** Closes the socket once the frames queued before are sent, off the calling thread. Closing twice is harmless. */
    void close(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            frames.add(status);
            drainSoon();
        }
    }

    /** Drops what is waiting and closes the socket at once, off the calling thread (a send may be stuck). */
    private void abort(CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        frames.clear();
        limits.senders().execute(() -> closeNow(status));
    }

    private void closeNow(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not close socket {}: {}", session.getId(), e.toString());
        }
    }

    private void tooSlow() {
        if (!closing.get()) {
            limits.tooSlow().increment();
        }
        abort(TOO_SLOW);
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            limits.senders().execute(this::drain);
        }
    }

    private void drain() {
        try {
            Object next;
            while ((next = frames.poll()) != null) {
                if (next instanceof CloseStatus status) {
                    closeNow(status);
                    return;
                }
                if (!send((String) next)) {
                    return;
                }
            }
        } finally {
            draining.set(false);
            if (!frames.isEmpty()) {
                drainSoon();
            }
        }
    }

    private boolean send(String frame) {
        sendStartedNanos = System.nanoTime();
        sending = true;
        try {
            session.sendMessage(new TextMessage(frame));
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Could not send to socket {}: {}", session.getId(), e.toString());
            boolean timedOut = System.nanoTime() - sendStartedNanos >= limits.sendTimeLimit().toNanos();
            if (timedOut || session.isOpen()) {
                tooSlow(); // the container gave up on a send stuck past the limit (it may have closed already)
            } else {
                abort(CloseStatus.SESSION_NOT_RELIABLE);
            }
            return false;
        } finally {
            sending = false;
            waitingBytes.addAndGet(-frame.length());
        }
    }

    private static void limitBlockingSends(WebSocketSession session, Duration limit) {
        try {
            jakarta.websocket.Session container = session instanceof NativeWebSocketSession nativeSession
                    ? nativeSession.getNativeSession(jakarta.websocket.Session.class) : null;
            if (container != null) {
                container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, limit.toMillis());
            }
        } catch (RuntimeException e) {
            log.debug("Could not limit blocking sends of socket {}: {}", session.getId(), e.toString());
        }
    }
}
