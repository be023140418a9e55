package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.stream.application.StreamRepliesUseCase;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: a client authenticates (handshake protocol {@code bearer, <token>} or a first frame
 * {@code {"type":"auth","token":"..."}}), then sends {@code {"type":"subscribe","session_id":"...","after":"..."}}
 * per session it follows. Another tenant's or user's session is refused with an error frame and sends nothing.
 */
final class StreamSocketHandler extends TextWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(StreamSocketHandler.class);
    private static final String STATE = "tenantchat.socket";
    private static final CloseStatus UNAUTHENTICATED = new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(),
            "authentication required");
    private static final CloseStatus REFUSED = new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "refused");
    private static final CloseStatus TOO_MANY = new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(),
            "too many sockets");

    private final SocketAuthenticator authenticator;
    private final StreamRepliesUseCase streams;
    private final ClientFrames frames;
    private final JsonMapper json;
    private final ScheduledExecutorService scheduler;
    private final Duration authTimeout;
    private final Bounds bounds;

    /**
     * What one user may hold: {@code sockets} per api instance, and {@code subscriptionsPerSocket} on each; and
     * how far one socket may fall behind ({@code outbox}).
     */
    record Bounds(CallerSlots sockets, int subscriptionsPerSocket, SocketOutbox.Limits outbox) {}

    StreamSocketHandler(SocketAuthenticator authenticator, StreamRepliesUseCase streams, JsonMapper json,
            ScheduledExecutorService scheduler, Duration authTimeout, Bounds bounds) {
        this.authenticator = authenticator;
        this.streams = streams;
        this.frames = new ClientFrames(json);
        this.json = json;
        this.scheduler = scheduler;
        this.authTimeout = authTimeout;
        this.bounds = bounds;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(BearerProtocolHandshake.PROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        SocketState state = new SocketState(session, bounds.outbox());
        session.getAttributes().put(STATE, state);
        Object authenticated = session.getAttributes().get(BearerProtocolHandshake.AUTHENTICATED);
        if (authenticated instanceof SocketAuthenticator.Authenticated caller) {
            ready(state, caller);
        } else {
            state.closeAfter(scheduler, authTimeout, UNAUTHENTICATED);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SocketState state = (SocketState) session.getAttributes().get(STATE);
        if (state == null) { // set when the socket opened; absent only once it closed
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            state.send(frames.error("malformed_frame", "frames are JSON objects with a type"));
            return;
        }
        switch (text(frame, "type").orElse("")) {
            case "auth" -> auth(state, text(frame, "token").orElse(null));
            case "subscribe" -> subscribe(state, frame);
            case "unsubscribe" -> text(frame, "session_id").filter(SessionId::isValid)
                    .ifPresent(id -> state.unsubscribe(SessionId.of(id)));
            default -> state.send(frames.error("unknown_type", "type must be auth, subscribe or unsubscribe"));
        }
    }

    private void auth(SocketState state, @Nullable String token) {
        if (state.authenticated() != null) {
            state.send(frames.error("already_authenticated", "this socket is authenticated already"));
            return;
        }
        Optional<SocketAuthenticator.Authenticated> caller;
        try {
            caller = authenticator.authenticate(token);
        } catch (ForbiddenException e) {
            state.send(frames.error(e.code(), String.valueOf(e.getMessage())));
            state.close(REFUSED);
            return;
        }
        if (caller.isEmpty()) {
            state.send(frames.error("unauthorized", "a valid ID token is required"));
            state.close(UNAUTHENTICATED);
            return;
        }
        ready(state, caller.get());
    }

    private void ready(SocketState state, SocketAuthenticator.Authenticated caller) {
        Optional<CallerSlots.Slot> slot = bounds.sockets().acquire(caller.caller());
        if (slot.isEmpty()) {
            state.send(frames.error("too_many_sockets", "at most " + bounds.sockets().max()
                    + " sockets at once per user; close one first"));
            state.close(TOO_MANY);
            return;
        }
        state.holdUntilReleased(slot.get());
        state.authenticate(caller, scheduler);
        state.send(frames.ready(caller.caller().tenantId().value(), caller.caller().userId().value()));
    }

    private void subscribe(SocketState state, JsonNode frame) {
        SocketAuthenticator.Authenticated caller = state.authenticated();
        if (caller == null) {
            state.send(frames.error("unauthorized", "authenticate first"));
            state.close(UNAUTHENTICATED);
            return;
        }
        Optional<String> sessionId = text(frame, "session_id").filter(SessionId::isValid);
        Optional<String> after = text(frame, "after");
        if (sessionId.isEmpty() || (after.isPresent() && !MessageId.isValid(after.get()))) {
            state.send(frames.error("invalid_subscribe", "session_id must be a session id and after a message id"));
            return;
        }
        open(state, caller, SessionId.of(sessionId.get()), after.map(MessageId::of).orElse(null));
    }

    private void open(SocketState state, SocketAuthenticator.Authenticated caller, SessionId sessionId,
            @Nullable MessageId after) {
        if (state.isSubscribed(sessionId)) {
            state.send(frames.error("already_subscribed", "this socket follows that session already"));
            return;
        }
        if (state.subscriptions() >= bounds.subscriptionsPerSocket()) {
            state.send(frames.error("too_many_subscriptions", "a socket follows at most "
                    + bounds.subscriptionsPerSocket() + " sessions at once; unsubscribe from one first"));
            return;
        }
        try {
            Subscription subscription = streams.open(caller.caller(), sessionId, after,
                    event -> state.send(frames.of(event)));
            state.add(sessionId, subscription);
            state.send(frames.subscribed(sessionId.value()));
        } catch (NotFoundException e) {
            state.send(frames.error("session_not_found", "no such session"));
        } catch (RuntimeException e) {
            log.warn("Could not open the reply stream of session {}: {}", sessionId, e.toString());
            state.send(frames.error("unavailable", "the session cannot be followed right now; please retry"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object state = session.getAttributes().get(STATE);
        if (state instanceof SocketState socket) {
            socket.release();
        }
    }

    private static Optional<String> text(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
